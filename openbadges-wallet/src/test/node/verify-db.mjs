// Verifies a credential with the Digital Bazaar stack (@digitalbazaar/vc, data-integrity,
// eddsa-rdfc-2022-cryptosuite, did-method-key), offline: every JSON-LD context comes from the
// repository's pinned copies (openbadges-model's standards folder), did:key is resolved locally,
// and any other URL is refused. Usage: node verify-db.mjs CREDENTIAL.json STANDARDS_DIR
// Prints {"verified": true|false, "error": ...}; exit 0 when verified, 1 otherwise.
import { readFileSync } from 'node:fs';
import { pinnedContexts } from './pinned-contexts.mjs';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022CryptoSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as didKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

const [credentialFile, standards] = process.argv.slice(2);
const credential = JSON.parse(readFileSync(credentialFile, 'utf8'));

const pinned = pinnedContexts(standards);
const didKeyDriver = didKey.driver();
didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

const documentLoader = async (url) => {
  if (url.startsWith('did:key:')) {
    const document = await didKeyDriver.get({ url });
    return { contextUrl: null, documentUrl: url, document };
  }
  return pinned(url);
};

const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022CryptoSuite });
const result = await vc.verifyCredential({ credential, suite, documentLoader });
const error = result.verified ? undefined : String(result.error?.errors?.[0]?.message ?? result.error?.message ?? JSON.stringify(result));
process.stdout.write(JSON.stringify({ verified: result.verified, error }) + '\n');
process.exit(result.verified ? 0 : 1);
