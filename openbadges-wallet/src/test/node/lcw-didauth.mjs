// The Learner Credential Wallet's side of a VC-API exchange, signed the way LCW signs it: a VC 1.1
// presentation (https://www.w3.org/2018/credentials/v1, the suite adds its ed25519-2020 context) by
// @digitalbazaar/vc signPresentation with an Ed25519Signature2020 proof for `authentication`, the
// holder a did:key of a fresh Ed25519VerificationKey2020, the challenge and domain taken from the
// exchange's VerifiablePresentationRequest. Offline: contexts come from the repository's pinned copies.
// Before the honest presentation it posts four that must be refused (wrong challenge, wrong domain,
// another key under the holder's method id, another did:key's method), each over real HTTP.
// Usage: node lcw-didauth.mjs EXCHANGE_URL STANDARDS_DIR
// Prints {"holder":..., "refused": {"challenge": "STATUS ERROR", "domain": ..., "otherKey": ..., "foreignMethod": ...},
//         "status": status, "response": body}.
import * as vc from '@digitalbazaar/vc';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { pinnedContexts } from './pinned-contexts.mjs';

const [exchangeUrl, standards] = process.argv.slice(2);

const documentLoader = pinnedContexts(standards);

const post = async (body) => {
  const response = await fetch(exchangeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};

// A did:key key pair as LCW makes one: the controller is the did:key, the key id its fragment.
const didKeyPair = async () => {
  const key = await Ed25519VerificationKey2020.generate();
  const fingerprint = key.fingerprint();
  key.controller = `did:key:${fingerprint}`;
  key.id = `${key.controller}#${fingerprint}`;
  return key;
};

const didAuth = async (key, holder, challenge, domain) => {
  const presentation = vc.createPresentation({ holder });
  const suite = new Ed25519Signature2020({ key });
  const verifiablePresentation = await vc.signPresentation({ presentation, suite, challenge, domain, documentLoader });
  return { verifiablePresentation };
};

const vpr = (await post({})).body.verifiablePresentationRequest;
const { challenge, domain } = vpr;
const key = await didKeyPair();
const other = await didKeyPair();
const holder = key.controller;

const outcome = ({ status, body }) => `${status} ${body?.error}`;
const refused = {
  challenge: outcome(await post(await didAuth(key, holder, `${challenge}-not`, domain))),
  domain: outcome(await post(await didAuth(key, holder, challenge, 'evil.example'))),
  // another key signing under the holder's own verification method id
  otherKey: outcome(await post(await didAuth(Object.assign(other, { controller: holder, id: key.id }),
    holder, challenge, domain))),
  // another did:key's own verification method, under a presentation claiming the holder
  foreignMethod: outcome(await post(await didAuth(await didKeyPair(), holder, challenge, domain))),
};
const { status, body } = await post(await didAuth(key, holder, challenge, domain));
process.stdout.write(JSON.stringify({ holder, refused, status, response: body }) + '\n');
