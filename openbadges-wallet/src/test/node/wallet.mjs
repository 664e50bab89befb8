// An independent OpenID4VCI wallet-side client (the OpenWallet Foundation's @openid4vc/openid4vci)
// driving Insignia's issuer: offer -> metadata -> token (pre-authorized code, PIN) -> nonce ->
// proof JWT (its own Ed25519 key, node:crypto) -> credential. Prints {"publicJwk":..., "credential":...}.
// Usage: node wallet.mjs OFFER_URI [PIN] [CONFIGURATION_ID]
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { clientAuthenticationAnonymous } from '@openid4vc/oauth2';
import { setGlobalConfig } from '@openid4vc/utils';

const [offerUri, pin, wanted] = process.argv.slice(2);
// The test's issuer runs on loopback over http.
setGlobalConfig({ allowInsecureUrls: true });

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicJwk = publicKey.export({ format: 'jwk' });
const b64u = (data) => Buffer.from(data).toString('base64url');

const client = new Openid4vciClient({
  callbacks: {
    fetch,
    hash: (data, alg) => createHash(alg.replace('-', '').toLowerCase()).update(data).digest(),
    generateRandom: (n) => randomBytes(n),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (signer, { header, payload }) => {
      const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
      const signature = sign(null, Buffer.from(input), privateKey);
      return { jwt: `${input}.${b64u(signature)}`, signerJwk: publicJwk };
    },
  },
});

const offer = await client.resolveCredentialOffer(offerUri);
const issuerMetadata = await client.resolveIssuerMetadata(offer.credential_issuer);
const configurationId = wanted ?? offer.credential_configuration_ids[0];
const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
  credentialOffer: offer,
  issuerMetadata,
  txCode: pin || undefined,
});
const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
const { jwt } = await client.createCredentialRequestJwtProof({
  issuerMetadata,
  credentialConfigurationId: configurationId,
  signer: { method: 'jwk', publicJwk, alg: 'EdDSA' },
  nonce,
});
const response = await client.retrieveCredentials({
  issuerMetadata,
  accessToken: accessTokenResponse.access_token,
  credentialConfigurationId: configurationId,
  proofs: { jwt: [jwt] },
});
process.stdout.write(JSON.stringify({ publicJwk, credential: response.credentialResponse.credentials[0].credential }) + '\n');
