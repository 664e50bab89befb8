// Adds to the portal's import corpus an OB 3.0 credential signed with ecdsa-rdfc-2019 (P-256) by
// Digital Bazaar's libraries (@digitalbazaar/ecdsa-rdfc-2019-cryptosuite 1.3.0, ecdsa-multikey
// 1.8.0, data-integrity 2.5.0, vc 7.3.0; not in the wallet's package-lock: installed with npm for
// this one run), did:key issuer, baked into PNG by make-corpus.mjs's baker. Run ONCE (see NOTICE.md):
//   node make-ecdsa.mjs OUT_DIR STANDARDS_DIR MOZILLA_BAKERY_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { bakePng } from './bake.mjs';
import { pinnedContexts } from '../../../openbadges-wallet/src/test/node/pinned-contexts.mjs';

const [OUT, STANDARDS, MOZ] = process.argv.slice(2);
const LEARNER = 'ana.garcia@learner.example';
const sha256hex = (s) => createHash('sha256').update(s).digest('hex');
const documentLoader = pinnedContexts(STANDARDS);

const kp = await EcdsaMultikey.generate({ curve: 'P-256' });
const did = 'did:key:' + kp.publicKeyMultibase;
kp.controller = did;
kp.id = `${did}#${kp.publicKeyMultibase}`;
const salt = 'ob3-ecdsa-p256';
const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:5b7d9f1b-3d5f-4b7d-9f1b-3d5f7b9d1f3b', type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Accessible Course Design',
  issuer: { id: did, type: ['Profile'], name: 'Instituto de Formación Ejemplo', url: 'https://university.example' },
  validFrom: '2025-10-01T00:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityHash: 'sha256$' + sha256hex(LEARNER + salt), identityType: 'emailAddress', hashed: true, salt }],
    achievement: {
      id: 'https://university.example/achievements/accessible-design', type: ['Achievement'], name: 'Accessible Course Design',
      description: 'Designs online courses that meet WCAG 2.2 AA.', criteria: { narrative: 'Audit and fix a course of your own.' },
      image: { id: 'https://university.example/badges/open-science.png', type: 'Image' },
    },
  },
};
const suite = new DataIntegrityProof({ signer: kp.signer(), cryptosuite: ecdsaRdfc2019 });
const signed = await vc.issue({ credential, suite, documentLoader });
writeFileSync(join(OUT, 'ob3-didkey-ecdsa.json'), JSON.stringify(signed, null, 2));
writeFileSync(join(OUT, 'ob3-didkey-ecdsa.png'), bakePng(readFileSync(join(MOZ, 'unbaked.png')), 'openbadgecredential', JSON.stringify(signed)));
console.log('wrote ob3-didkey-ecdsa.json and .png, issuer', did);
