// Makes the portal's import corpus ONCE: badges as other platforms publish them, built outside
// Insignia. OB 3.0 credentials are signed by Digital Bazaar's libraries (@digitalbazaar/vc,
// data-integrity, eddsa-rdfc-2022-cryptosuite, ed25519-multikey: the versions pinned in
// openbadges-wallet/src/test/node/package-lock.json), VC-JWTs and the OB 2.0 JWS by Node's own
// crypto (OpenSSL), PNG and SVG baked by the small baker below into Mozilla bakery's substrates.
// The outputs are committed; the tests never run this script. Usage (see NOTICE.md):
//   node make-corpus.mjs OUT_DIR STANDARDS_DIR MOZILLA_BAKERY_DIR
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as didKey from '@digitalbazaar/did-method-key';
import { bakePng, bakeSvg } from './bake.mjs';
import { pinnedContexts } from '../../../openbadges-wallet/src/test/node/pinned-contexts.mjs';

const [OUT, STANDARDS, MOZ] = process.argv.slice(2);
mkdirSync(OUT, { recursive: true });
const LEARNER = 'ana.garcia@learner.example';
const OTHER = 'otro.alumno@learner.example';
const sha256hex = (s) => createHash('sha256').update(s).digest('hex');
const b64u = (b) => Buffer.from(b).toString('base64url');
const routes = [];
const write = (file, body) => writeFileSync(join(OUT, file), body);
/** A route of the loopback server: url -> status, content type, file (or a redirect). */
const route = (url, file, type, status = 200, location = undefined) => routes.push({ url, status, type, file, location });
const json = (url, file, doc, type = 'application/json') => { write(file, JSON.stringify(doc, null, 2)); route(url, file, type); };

const unbakedPng = readFileSync(join(MOZ, 'unbaked.png'));
const unbakedSvg = readFileSync(join(MOZ, 'unbaked.svg'), 'utf8');

// ------------------------------------------------------------------ baking: bake.mjs
const dataUri = (png) => 'data:image/png;base64,' + png.toString('base64');

// A small real PNG for images served by the platforms (Mozilla's substrate, 10 KB).
const BADGE_PNG = unbakedPng;

// ------------------------------------------------------------------ OB 2.0: Badgr / Canvas Credentials (hosted, ld+json, redirects)
const ob2 = 'https://w3id.org/openbadges/v2';
{
  const a = 'https://api.badgr.io/public/assertions/Xh2vD8bTQTe1nM8mGvN7Fw';
  const b = 'https://api.badgr.io/public/badges/pQ3kL0sRTaCyq2mJdD1xHg';
  const i = 'https://api.badgr.io/public/issuers/u7ZfJq9WRh6c0pS3lM2kTA';
  const salt = 'e0f5b3c8a1d94f7b';
  const assertion = {
    '@context': ob2, type: 'Assertion', id: a, badge: b,
    image: `${a}/image`,
    verification: { type: 'HostedBadge' },
    issuedOn: '2025-03-14T10:22:31.114961+00:00',
    recipient: { hashed: true, type: 'email', identity: 'sha256$' + sha256hex(LEARNER + salt), salt },
    narrative: 'Completed the six modules and the final data project.',
    evidence: [{ id: 'https://learning.example/portfolio/ana-garcia/data-project', narrative: 'Cleaned and published an open data set.' }],
    revoked: false,
  };
  json(a, 'badgr-assertion.json', assertion, 'application/ld+json');
  json(b, 'badgr-badgeclass.json', {
    '@context': ob2, type: 'BadgeClass', id: b, name: 'Data Literacy Foundations',
    description: 'Reads, cleans and publishes open data responsibly.',
    image: `${b}/image`,
    criteria: { id: 'https://learning.example/courses/data-literacy', narrative: 'Pass the six module quizzes and submit a data project.' },
    issuer: i,
    alignment: [{ targetName: 'Manage data', targetUrl: 'http://data.europa.eu/esco/skill/8c0e5d2f-ffa0-4d8f-a3e8-1a5b0e0b8d6a', targetFramework: 'ESCO', targetCode: 'S5.5.1' }],
    tags: ['data', 'open data'],
  }, 'application/ld+json');
  json(i, 'badgr-issuer.json', {
    '@context': ob2, type: 'Issuer', id: i, name: 'Learning Example Academy', url: 'https://learning.example',
    email: 'badges@learning.example', description: 'Short courses for teachers.',
  }, 'application/ld+json');
  // images: the public URL redirects to the media host
  route(`${a}/image`, null, null, 302, 'https://media.badgr.io/uploads/badges/assertion-Xh2vD8bTQTe1nM8mGvN7Fw.png');
  route(`${b}/image`, null, null, 302, 'https://media.badgr.io/uploads/badges/issuer_badgeclass_pQ3kL0sRTaCyq2mJdD1xHg.png');
  write('badgr-image.png', BADGE_PNG);
  route('https://media.badgr.io/uploads/badges/assertion-Xh2vD8bTQTe1nM8mGvN7Fw.png', 'badgr-image.png', 'image/png');
  route('https://media.badgr.io/uploads/badges/issuer_badgeclass_pQ3kL0sRTaCyq2mJdD1xHg.png', 'badgr-image.png', 'image/png');
  // Badgr bakes the whole assertion into the PNG the learner downloads
  write('badgr-baked.png', bakePng(BADGE_PNG, 'openbadges', JSON.stringify(assertion)));
  // the public page a learner may paste: HTML for browsers
  write('badgr-page.html', '<!DOCTYPE html><html><head><title>Data Literacy Foundations</title></head><body><h1>Badge</h1></body></html>');
  route('https://badgr.com/public/assertions/Xh2vD8bTQTe1nM8mGvN7Fw', 'badgr-page.html', 'text/html; charset=utf-8');
}

// ------------------------------------------------------------------ OB 2.0: Credly (hosted, lowercase "hosted", expires, redirect from the public URL)
function credly(uuid, email, expires, file, name) {
  const a = `https://api.credly.com/v1/obi/v2/badge_assertions/${uuid}`;
  const b = 'https://api.credly.com/v1/obi/v2/issuers/1d2f7e0c-5b7a-4c38-9a0e-6f1b2c3d4e5f/badge_classes/0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d';
  const salt = 'credly-' + uuid.slice(0, 8);
  const assertion = {
    '@context': ob2, type: 'Assertion', id: a, badge: b,
    recipient: { type: 'email', hashed: true, salt, identity: 'sha256$' + sha256hex(email + salt) },
    issuedOn: '2024-05-02T00:00:00.000Z', expires,
    verification: { type: 'hosted' },
    evidence: [{ type: 'Evidence', name: 'Exam', description: 'Proctored exam, 82%', narrative: 'Passed the proctored exam.' }],
  };
  json(a, `${file}.json`, assertion);
  route(`https://www.credly.com/badges/${uuid}/public_url`, null, null, 301, a);
  return assertion;
}
credly('8d3c6a2e-1f4b-4e8a-9c7d-2b5e0f1a3c9d', LEARNER, '2028-05-02T00:00:00.000Z', 'credly-assertion');
credly('5e1a9b7c-3d2f-4a6e-8b0c-9f7e6d5c4b3a', LEARNER, '2025-01-31T00:00:00.000Z', 'credly-expired');
credly('2c4e6a8b-0d1f-4e3a-9b5c-7d9f1b3d5f7a', OTHER, '2028-05-02T00:00:00.000Z', 'credly-other');
json('https://api.credly.com/v1/obi/v2/issuers/1d2f7e0c-5b7a-4c38-9a0e-6f1b2c3d4e5f/badge_classes/0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d', 'credly-badgeclass.json', {
  '@context': ob2, type: 'BadgeClass',
  id: 'https://api.credly.com/v1/obi/v2/issuers/1d2f7e0c-5b7a-4c38-9a0e-6f1b2c3d4e5f/badge_classes/0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
  name: 'Cloud Practitioner Essentials', description: 'Understands cloud concepts, pricing and security basics.',
  image: 'https://images.credly.com/images/0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d/image.png',
  criteria: { id: 'https://www.credly.com/org/cloud-example/badge/cloud-practitioner-essentials', narrative: 'Pass the Cloud Practitioner Essentials exam.' },
  issuer: 'https://api.credly.com/v1/obi/v2/issuers/1d2f7e0c-5b7a-4c38-9a0e-6f1b2c3d4e5f',
  tags: ['cloud'],
});
json('https://api.credly.com/v1/obi/v2/issuers/1d2f7e0c-5b7a-4c38-9a0e-6f1b2c3d4e5f', 'credly-issuer.json', {
  '@context': ob2, type: 'Profile', id: 'https://api.credly.com/v1/obi/v2/issuers/1d2f7e0c-5b7a-4c38-9a0e-6f1b2c3d4e5f',
  name: 'Cloud Example Training', url: 'https://cloud-training.example', email: 'credentials@cloud-training.example',
});
write('credly-image.png', BADGE_PNG);
route('https://images.credly.com/images/0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d/image.png', 'credly-image.png', 'image/png');

// ------------------------------------------------------------------ OB 2.0: Moodle (hosted, query-string URLs, image without extension)
function moodle(hash, recipient, file) {
  const a = `https://moodle.school.example/badges/assertion.php?b=${hash}&obversion=2`;
  const assertion = {
    '@context': ob2, type: 'Assertion', id: a,
    badge: 'https://moodle.school.example/badges/badge_json.php?id=7',
    recipient, issuedOn: '2025-06-20T09:00:00+02:00',
    verification: { type: 'hosted' },
  };
  json(a, `${file}.json`, assertion);
  return assertion;
}
const moodleSalt = 'a1b2c3d4e5';
const moodleOk = moodle('3f9c2b7a1e8d4c6f0a5b9e2d7c1f4a8b', { identity: 'sha256$' + sha256hex(LEARNER + moodleSalt), type: 'email', hashed: true, salt: moodleSalt }, 'moodle-assertion');
moodle('7b1d9f3a5c2e8b4d6f0a1c3e5b7d9f2a', { identity: OTHER, type: 'email', hashed: false }, 'moodle-other-plain');
json('https://moodle.school.example/badges/badge_json.php?id=7', 'moodle-badgeclass.json', {
  '@context': ob2, type: 'BadgeClass', id: 'https://moodle.school.example/badges/badge_json.php?id=7',
  name: 'Digital Citizenship', description: 'Completed the Digital Citizenship course (ESO 3).',
  image: 'https://moodle.school.example/pluginfile.php/1/badges/badgeimage/7/f3',
  criteria: { id: 'https://moodle.school.example/badges/badgeclass.php?id=7', narrative: 'Complete every activity of the course.' },
  issuer: 'https://moodle.school.example/badges/issuer_json.php?id=7',
  alignment: [{ targetName: 'DigComp 2.2 - 2.3 Engaging citizenship through digital technologies', targetUrl: 'https://joint-research-centre.ec.europa.eu/digcomp_en' }],
});
json('https://moodle.school.example/badges/issuer_json.php?id=7', 'moodle-issuer.json', {
  '@context': ob2, type: 'Issuer', id: 'https://moodle.school.example/badges/issuer_json.php?id=7',
  name: 'IES Ejemplo', url: 'https://moodle.school.example', email: 'secretaria@school.example',
});
write('moodle-image.png', BADGE_PNG);
route('https://moodle.school.example/pluginfile.php/1/badges/badgeimage/7/f3', 'moodle-image.png', 'image/png');
write('moodle-baked.png', bakePng(BADGE_PNG, 'openbadges', JSON.stringify(moodleOk)));

// ------------------------------------------------------------------ OB 2.0: Open Badge Factory, signed (JWS RS256), data: URI image, criteria URL, baked SVG
function rsaKey() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}
function jwsRs256(payload, privateKey) {
  const input = b64u(JSON.stringify({ alg: 'RS256' })) + '.' + b64u(JSON.stringify(payload));
  return input + '.' + b64u(rsaSign('sha256', Buffer.from(input), privateKey));
}
{
  const obfKey = rsaKey();
  const issuer = 'https://openbadgefactory.com/v1/client/_/OBFCLIENT01.json?v=2.0';
  const keyUrl = 'https://openbadgefactory.com/v1/client/_/OBFCLIENT01/publickey.json';
  const badge = 'https://openbadgefactory.com/v1/badge/_/OBFBADGE042.json?v=2.0&event=EVT7';
  json(issuer, 'obf-issuer.json', {
    '@context': ob2, type: 'Issuer', id: issuer, name: 'Open Badge Factory Example Org', url: 'https://obf-client.example',
    email: 'info@obf-client.example', publicKey: keyUrl,
  });
  json(keyUrl, 'obf-key.json', {
    '@context': ob2, type: 'CryptographicKey', id: keyUrl, owner: issuer,
    publicKeyPem: obfKey.publicKey.export({ type: 'spki', format: 'pem' }),
  });
  json(badge, 'obf-badgeclass.json', {
    '@context': ob2, type: 'BadgeClass', id: badge, name: 'Facilitation Skills',
    description: 'Plans and facilitates participatory workshops.',
    image: dataUri(BADGE_PNG),
    criteria: 'https://openbadgefactory.com/c/earnablebadge/OBFBADGE042/criteria',
    issuer,
  });
  const assertion = {
    '@context': ob2, type: 'Assertion', id: 'urn:uuid:6f0a8d2c-4b1e-4f7a-9c3d-5e8b2a1f0c7d',
    badge, recipient: { type: 'email', hashed: true, salt: 'obf-salt-77', identity: 'sha256$' + sha256hex(LEARNER + 'obf-salt-77') },
    issuedOn: '2025-02-10T12:00:00Z',
    verification: { type: 'SignedBadge', creator: keyUrl },
  };
  const jws = jwsRs256(assertion, obfKey.privateKey);
  write('obf-signed.jws', jws);
  write('obf-signed.svg', bakeSvg(unbakedSvg, 'http://openbadges.org', 'assertion', jws));
  // the same claims signed by a key that is not the issuer's: a forgery
  write('obf-forged.jws', jwsRs256(assertion, rsaKey().privateKey));
}

// ------------------------------------------------------------------ OB 3.0: Digital Bazaar, did:key and did:web, eddsa-rdfc-2022; VC-JWT by Node crypto
const pinned = pinnedContexts(STANDARDS);
const didKeyDriver = didKey.driver();
didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
const documentLoader = async (url) => {
  if (url.startsWith('did:key:')) {
    return { contextUrl: null, documentUrl: url, document: await didKeyDriver.get({ url }) };
  }
  return pinned(url);
};
const ob3ctx = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
async function didKeyPair() {
  const kp = await Ed25519Multikey.generate();
  const did = 'did:key:' + kp.publicKeyMultibase;
  kp.controller = did;
  kp.id = `${did}#${kp.publicKeyMultibase}`;
  return kp;
}
async function sign(credential, kp) {
  const suite = new DataIntegrityProof({ signer: kp.signer(), cryptosuite: eddsaRdfc2022 });
  return vc.issue({ credential, suite, documentLoader });
}
function ob3(id, issuer, email, achievement, extra = {}) {
  const salt = 'ob3-' + id.slice(-6);
  return {
    '@context': ob3ctx, id: `urn:uuid:${id}`, type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievement.name, issuer, validFrom: '2025-09-01T00:00:00Z', ...extra,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: 'sha256$' + sha256hex(email + salt), identityType: 'emailAddress', hashed: true, salt }],
      achievement,
    },
  };
}
const openScience = {
  id: 'https://university.example/achievements/open-science', type: ['Achievement'], name: 'Open Science Practices',
  description: 'Shares data, code and papers openly and reproducibly.',
  criteria: { narrative: 'Publish a reproducible project with open data and code.' },
  image: { id: 'https://university.example/badges/open-science.png', type: 'Image' },
  alignment: [{ type: ['Alignment'], targetName: 'Open science', targetUrl: 'https://university.example/frameworks/open-science', targetFramework: 'University competence framework' }],
};
write('university-image.png', BADGE_PNG);
route('https://university.example/badges/open-science.png', 'university-image.png', 'image/png');
{
  const kp = await didKeyPair();
  const issuer = { id: kp.controller, type: ['Profile'], name: 'Universidad Abierta de Ejemplo', url: 'https://university.example' };
  const genuine = await sign(ob3('2b7e4c1a-9f3d-4e6b-8a5c-1d0f2e3a4b5c', issuer, LEARNER, openScience, { validUntil: '2030-09-01T00:00:00Z' }), kp);
  write('ob3-didkey-eddsa.json', JSON.stringify(genuine, null, 2));
  write('ob3-didkey-eddsa.png', bakePng(BADGE_PNG, 'openbadgecredential', JSON.stringify(genuine)));
  write('ob3-didkey-eddsa.svg', bakeSvg(unbakedSvg, 'https://purl.imsglobal.org/ob/v3p0', 'credential', undefined, JSON.stringify(genuine)));
  const tampered = JSON.parse(JSON.stringify(genuine));
  tampered.credentialSubject.achievement.name = 'Open Science Leadership';
  write('ob3-tampered.png', bakePng(BADGE_PNG, 'openbadgecredential', JSON.stringify(tampered)));
  write('ob3-expired.json', JSON.stringify(await sign(ob3('7c9e1a3b-5d7f-4b2d-8e0a-3c5e7a9b1d3f', issuer, LEARNER, openScience,
    { validFrom: '2023-01-01T00:00:00Z', validUntil: '2024-01-01T00:00:00Z' }), kp), null, 2));
  write('ob3-other.json', JSON.stringify(await sign(ob3('4d6f8a0c-2e4a-4c6e-9f1b-5d7f9b1d3f5a', issuer, OTHER, openScience), kp), null, 2));
  // VC-JWT (OB 3.0 section 8.2): the credential as the payload plus iss, jti, nbf, exp; EdDSA over the compact input
  const cred = ob3('9a1c3e5b-7d9f-4b1d-8f2a-4c6e8a0c2e4b', issuer, LEARNER, {
    ...openScience, id: 'https://university.example/achievements/research-data', name: 'Research Data Management',
    description: 'Plans, documents and archives research data.', image: { id: dataUri(BADGE_PNG), type: 'Image' },
  }, { validUntil: '2030-09-01T00:00:00Z' });
  const header = { alg: 'EdDSA', typ: 'JWT', kid: kp.id };
  const payload = { ...cred, iss: issuer.id, jti: cred.id, nbf: Date.parse(cred.validFrom) / 1000, exp: Date.parse(cred.validUntil) / 1000 };
  const input = b64u(JSON.stringify(header)) + '.' + b64u(JSON.stringify(payload));
  const sig = await kp.signer().sign({ data: Buffer.from(input, 'ascii') });
  const jwt = input + '.' + b64u(sig);
  write('ob3-didkey.jwt', jwt);
  write('ob3-didkey-jwt.svg', bakeSvg(unbakedSvg, 'https://purl.imsglobal.org/ob/v3p0', 'credential', jwt));
}
{
  // did:web issuer with a Bitstring Status List, both served by the university's host
  const kp = await Ed25519Multikey.generate();
  const did = 'did:web:university.example';
  kp.controller = did;
  kp.id = `${did}#key-1`;
  json('https://university.example/.well-known/did.json', 'university-did.json', {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: did,
    verificationMethod: [{ id: kp.id, type: 'Multikey', controller: did, publicKeyMultibase: kp.publicKeyMultibase }],
    assertionMethod: [kp.id],
  });
  const issuer = { id: did, type: ['Profile'], name: 'Universidad Abierta de Ejemplo', url: 'https://university.example' };
  const list = 'https://university.example/status/1';
  const statusList = async (revoked, file) => {
    const bits = Buffer.alloc(16384);
    if (revoked !== undefined) bits[revoked >> 3] |= 0x80 >> (revoked & 7);
    const doc = await sign({
      '@context': ['https://www.w3.org/ns/credentials/v2'], id: list, type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: did, validFrom: '2025-09-01T00:00:00Z',
      credentialSubject: { id: `${list}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: 'u' + b64u(gzipSync(bits)) },
    }, kp);
    write(file, JSON.stringify(doc, null, 2));
  };
  await statusList(undefined, 'university-status-1.json');
  await statusList(42, 'university-status-1-revoked.json');
  route(list, 'university-status-1.json', 'application/vc+ld+json');
  const cred = ob3('1e3a5c7e-9b1d-4f3b-8d5f-7a9c1e3b5d7f', issuer, LEARNER, {
    ...openScience, id: 'https://university.example/achievements/citizen-science', name: 'Citizen Science Projects',
  }, { credentialStatus: { id: `${list}#42`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '42', statusListCredential: list } });
  const signed = await sign(cred, kp);
  write('ob3-didweb-eddsa.json', JSON.stringify(signed, null, 2));
  write('ob3-didweb-eddsa.png', bakePng(BADGE_PNG, 'openbadgecredential', JSON.stringify(signed)));
}

write('routes.json', JSON.stringify({ learner: LEARNER, other: OTHER, routes }, null, 2));
console.log(`wrote ${routes.length} routes to ${OUT}`);
