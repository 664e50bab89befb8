"""Tables of the value types: (member, kind[, doc]).

Kinds: s string, t scalar as text, ss list of strings, b boolean, n number, d date-time,
o:T object, os:T list of objects, r:T IRI or object, rs:T list of IRIs or objects, j raw JSON list.
"""

OB2_CTX = 'Contexts.OB_V2'
OB3_CTX = 'Contexts.VC_V2, Contexts.OB_V3'

# Shapes that OB 2.0 and OB 3.0 classes have in common: abstract bases in model.internal (not API)
# holding the shared accessors and builder setters. `shared_by` finishes the sentence the
# subclasses' javadoc adds, since javadoc leaves the internal package out.
EVIDENCE = [('narrative', 's'), ('name', 's'), ('description', 's'), ('genre', 's'), ('audience', 's')]
ALIGNMENT = [('targetName', 's'), ('targetUrl', 's'), ('targetDescription', 's'), ('targetFramework', 's'),
             ('targetCode', 's')]

SHARED = [
    dict(name='EvidenceBase', doc='The members of OB 2.0 and OB 3.0 Evidence. Not API.',
         shared_by='the OB 2.0 and OB 3.0 Evidence', fields=EVIDENCE),
    dict(name='AlignmentBase', doc='The members OB 2.0 AlignmentObject and OB 3.0 Alignment share. Not API.',
         shared_by='the OB 2.0 AlignmentObject and the OB 3.0 Alignment', fields=ALIGNMENT),
]

OB2 = [
    dict(name='Assertion', doc='OB 2.0 Assertion: one badge awarded to one recipient.',
         context=OB2_CTX, types=['Assertion'],
         fields=[('recipient', 'o:IdentityObject', 'the recipient'),
                 ('badge', 'r:BadgeClass', 'the BadgeClass, by IRI or embedded'),
                 ('verification', 'o:VerificationObject', 'how to verify the award (1.x wrote {@code verify}, see {@link #verificationOrVerify()})'),
                 ('issuedOn', 'd', 'when it was issued'),
                 ('image', 'r:Image', 'a baked image of this award'),
                 ('evidence', 'rs:Evidence', 'IRIs or Evidence objects'),
                 ('narrative', 's', 'Markdown narrative'),
                 ('expires', 'd', 'when it expires'),
                 ('revoked', 'b', 'whether the issuer revoked it'),
                 ('revocationReason', 's'),
                 ('uid', 's', 'deprecated 1.x identifier'),
                 ('endorsement', 'rs:Endorsement')],
         extra='''
  /** {@code verification}, or the OB 1.x alias {@code verify}. */
  public Optional<VerificationObject> verificationOrVerify() {
    Optional<VerificationObject> v = verification();
    return v.isPresent() ? v : object("verify", VerificationObject::wrap);
  }
'''),
    dict(name='BadgeClass', doc='OB 2.0 BadgeClass: the achievement a badge stands for.',
         context=OB2_CTX, types=['BadgeClass'],
         fields=[('name', 's'), ('description', 's'), ('image', 'r:Image'), ('criteria', 'r:Criteria'),
                 ('issuer', 'r:Profile'), ('alignment', 'os:AlignmentObject'), ('tags', 'ss'),
                 ('endorsement', 'rs:Endorsement'), ('version', 't', 'text or number, read as text')]),
    dict(name='Profile', doc='OB 2.0 Profile: an issuer (type {@code Issuer} or {@code Profile}) or a recipient profile.',
         context=OB2_CTX, types=['Profile'],
         fields=[('name', 's'), ('url', 's'), ('email', 's'), ('telephone', 's'), ('description', 's'),
                 ('image', 'r:Image'), ('publicKey', 'rs:CryptographicKey'),
                 ('verification', 'o:VerificationObject', 'the issuer verification policy'),
                 ('revocationList', 'r:RevocationList'), ('endorsement', 'rs:Endorsement')]),
    dict(name='IdentityObject', doc='OB 2.0 IdentityObject ({@code recipient}): a plaintext or hashed identity; {@code type} names the identity property ({@code email}, {@code url}, {@code telephone}).',
         fields=[('identity', 's', 'plaintext or {@code alg$hex} hash'), ('hashed', 'b'), ('salt', 's')],
         extra='''
  /** The identity property ({@code type}, usually {@code email}). */
  public Optional<String> identityType() {
    return string("type");
  }

  /** {@code identity} as a hash, when {@code hashed} is true and it is well-formed. */
  public Optional<IdentityHash> identityHash() {
    return hashed().orElse(false) ? identity().flatMap(IdentityHash::tryParse) : Optional.empty();
  }
''',
         extra_builder='''
    /** {@code type}: the identity property ({@code email}, {@code url}, {@code telephone}). */
    public Builder identityType(String value) {
      return putString("type", value);
    }
'''),
    dict(name='VerificationObject', doc='OB 2.0 VerificationObject: {@code HostedBadge}/{@code SignedBadge} in an assertion, the policy in a profile.',
         fields=[('creator', 's', 'the CryptographicKey IRI of a signed badge'),
                 ('verificationProperty', 's'), ('startsWith', 'ss'), ('allowedOrigins', 'ss')]),
    dict(name='Evidence', doc='OB 2.0 Evidence.', base='EvidenceBase', fields=[]),
    dict(name='Criteria', doc='OB 2.0 Criteria: a page ({@code id}) and/or a Markdown narrative.',
         fields=[('narrative', 's')]),
    dict(name='AlignmentObject', doc='OB 2.0 AlignmentObject (schema.org AlignmentObject).',
         base='AlignmentBase', fields=[]),
    dict(name='Image', doc='OB 2.0 Image ({@code id} is the URL or data URI).',
         fields=[('caption', 's'), ('author', 's')]),
    dict(name='RevocationList', doc='OB 2.0 RevocationList of a signed-badge issuer.',
         context=OB2_CTX, types=['RevocationList'],
         fields=[('issuer', 's'), ('revokedAssertions', 'j', 'the entries as JSON (an id string or an object)')],
         extra='''
  /** The revoked assertion ids (string entries and the {@code id} of object entries). */
  public List<String> revokedIds() {
    return Members.values(node(), "revokedAssertions").stream()
        .map(v -> v.isTextual() ? v.textValue() : v.path("id").isTextual() ? v.path("id").textValue() : null)
        .filter(java.util.Objects::nonNull)
        .toList();
  }
''',
         extra_builder='''
    /** Appends a revoked assertion id. */
    public Builder addRevokedAssertion(String id) {
      return appendIri("revokedAssertions", id);
    }

    /** Appends a revoked assertion with its reason. */
    public Builder addRevokedAssertion(String id, String reason) {
      ObjectNode entry = io.github.insignia.openbadges.json.SafeJson.nodeFactory().objectNode();
      entry.put("id", id);
      entry.put("revocationReason", reason);
      return append("revokedAssertions", entry);
    }
'''),
    dict(name='CryptographicKey', doc='OB 2.0 CryptographicKey: an issuer public key in PEM.',
         context=OB2_CTX, types=['CryptographicKey'],
         fields=[('owner', 's', 'the issuer Profile IRI'), ('publicKeyPem', 's')]),
    dict(name='Endorsement', doc='OB 2.0 Endorsement: a claim by one issuer about a Profile, BadgeClass or Assertion.',
         context=OB2_CTX, types=['Endorsement'],
         fields=[('claim', 'o:EndorsementClaim'), ('issuer', 'r:Profile'), ('issuedOn', 'd'),
                 ('verification', 'o:VerificationObject'), ('revoked', 'b'), ('revocationReason', 's')]),
    dict(name='EndorsementClaim', doc='OB 2.0 Endorsement {@code claim}: {@code id} is the endorsed object.',
         fields=[('endorsementComment', 's', 'Markdown')]),
    dict(name='Extension', doc='OB 2.0 extension object: its own {@code @context} and a {@code type} containing {@code Extension}. See {@link #in(JsonBacked)}.',
         fields=[],
         extra='''
  /** The extension's own context URL, when it is a string. */
  public Optional<String> contextUrl() {
    return string("@context");
  }

  /** The extension objects among a value's members, by member name (document order). */
  public static java.util.Map<String, Extension> in(JsonBacked owner) {
    java.util.Map<String, Extension> result = new java.util.LinkedHashMap<>();
    owner.otherMembers().forEach((name, value) -> {
      if (value instanceof ObjectNode o && Members.strings(o, "type").contains("Extension")) {
        result.put(name, wrap(o));
      }
    });
    return result;
  }
'''),
]

ENVELOPE = [('issuer', 'r:Profile', 'the issuer, by IRI or embedded Profile'),
            ('validFrom', 'd', 'VCDM 2.0 start of validity'), ('validUntil', 'd', 'VCDM 2.0 end of validity'),
            ('issuanceDate', 'd', 'VCDM 1.1 issuance date'), ('expirationDate', 'd', 'VCDM 1.1 expiry'),
            ('awardedDate', 'd'), ('name', 's'), ('description', 's'), ('image', 'o:Image'),
            ('evidence', 'os:Evidence'), ('endorsement', 'os:EndorsementCredential'), ('endorsementJwt', 'ss'),
            ('proof', 'os:Proof'), ('credentialSchema', 'os:CredentialSchema'),
            ('credentialStatus', 'os:CredentialStatus'), ('refreshService', 'o:RefreshService'),
            ('termsOfUse', 'os:TermsOfUse')]

OB3 = [
    dict(name='Credential', abstract=True,
         doc='The Verifiable Credential envelope shared by {@link AchievementCredential} and {@link EndorsementCredential} (VCDM 2.0, or 1.1 with {@code issuanceDate}).',
         fields=ENVELOPE,
         extra='''
  /** {@code @context} entries that are strings, in order. */
  public List<String> contexts() {
    return strings("@context");
  }

  /** Whether this is the VC Data Model 1.1 form ({@code @context[0]} is the 1.1 context). */
  public boolean isVcdm11() {
    List<String> c = contexts();
    return !c.isEmpty() && Contexts.VC_V1.equals(c.get(0));
  }

  /** {@code validFrom}, or {@code issuanceDate} in the VCDM 1.1 form. */
  public Optional<OffsetDateTime> validityStart() {
    Optional<OffsetDateTime> v = validFrom();
    return v.isPresent() ? v : issuanceDate();
  }

  /** {@code validUntil}, or {@code expirationDate} in the VCDM 1.1 form. */
  public Optional<OffsetDateTime> validityEnd() {
    Optional<OffsetDateTime> v = validUntil();
    return v.isPresent() ? v : expirationDate();
  }
'''),
    dict(name='AchievementCredential', base='Credential',
         doc='OB 3.0 OpenBadgeCredential (the class is named AchievementCredential): an achievement awarded to a subject. The builder starts with the VCDM 2.0 and OB 3.0.3 contexts and type {@code ["VerifiableCredential","OpenBadgeCredential"]}; use {@link #builderVcdm11()} for the 1.1 form.',
         context=OB3_CTX, types=['VerifiableCredential', 'OpenBadgeCredential'], type_array=True,
         fields=[('credentialSubject', 'o:AchievementSubject')],
         extra='''
  /** A builder for the VCDM 1.1 form (set {@code issuanceDate} instead of {@code validFrom}). */
  public static Builder builderVcdm11() {
    return new Builder().context(Contexts.VC_V1, Contexts.OB_V3);
  }
'''),
    dict(name='AchievementSubject', doc='OB 3.0 AchievementSubject: who earned the achievement ({@code id} or {@code identifier}).',
         types=['AchievementSubject'], type_array=True,
         fields=[('achievement', 'o:Achievement'), ('identifier', 'os:IdentityObject'),
                 ('activityStartDate', 'd'), ('activityEndDate', 'd'), ('creditsEarned', 'n'),
                 ('image', 'o:Image', 'a baked image of this award'), ('licenseNumber', 's'), ('narrative', 's'),
                 ('result', 'os:Result'), ('role', 's'), ('source', 'o:Profile'), ('term', 's')]),
    dict(name='Achievement', doc='OB 3.0 Achievement: what was accomplished.',
         types=['Achievement'], type_array=True,
         fields=[('name', 's'), ('description', 's'), ('criteria', 'o:Criteria'), ('achievementType', 's'),
                 ('alignment', 'os:Alignment'), ('creator', 'o:Profile'), ('creditsAvailable', 'n'),
                 ('endorsement', 'os:EndorsementCredential'), ('endorsementJwt', 'ss'),
                 ('fieldOfStudy', 's'), ('humanCode', 's'), ('image', 'o:Image'), ('inLanguage', 's'),
                 ('otherIdentifier', 'os:IdentifierEntry'), ('related', 'os:Related'),
                 ('resultDescription', 'os:ResultDescription'), ('specialization', 's'), ('tag', 'ss'),
                 ('version', 's')]),
    dict(name='Profile', doc='OB 3.0 Profile: an issuer, creator, endorser or source.',
         types=['Profile'], type_array=True,
         fields=[('name', 's'), ('url', 's'), ('phone', 's'), ('description', 's'), ('email', 's'),
                 ('image', 'o:Image'), ('endorsement', 'os:EndorsementCredential'), ('endorsementJwt', 'ss'),
                 ('otherIdentifier', 'os:IdentifierEntry'), ('official', 's'), ('parentOrg', 'o:Profile'),
                 ('dateOfBirth', 's'), ('givenName', 's'), ('familyName', 's'), ('additionalName', 's'),
                 ('patronymicName', 's'), ('honorificPrefix', 's'), ('honorificSuffix', 's'),
                 ('familyNamePrefix', 's'), ('address', 'o:Address')]),
    dict(name='Address', doc='OB 3.0 Address.', types=['Address'], type_array=True,
         fields=[('addressCountry', 's'), ('addressCountryCode', 's'), ('addressRegion', 's'),
                 ('addressLocality', 's'), ('streetAddress', 's'), ('postOfficeBoxNumber', 's'),
                 ('postalCode', 's'), ('geo', 'o:GeoCoordinates')]),
    dict(name='GeoCoordinates', doc='OB 3.0 GeoCoordinates.', types=['GeoCoordinates'],
         fields=[('latitude', 'n'), ('longitude', 'n')]),
    dict(name='Result', doc='OB 3.0 Result of an assessment.', types=['Result'], type_array=True,
         fields=[('achievedLevel', 's'), ('alignment', 'os:Alignment'), ('resultDescription', 's', 'the id of a ResultDescription'),
                 ('value', 's'), ('status', 's')]),
    dict(name='ResultDescription', doc='OB 3.0 ResultDescription.', types=['ResultDescription'], type_array=True,
         fields=[('name', 's'), ('resultType', 's'), ('alignment', 'os:Alignment'), ('allowedValue', 'ss'),
                 ('requiredLevel', 's'), ('requiredValue', 's'),
                 ('rubricCriterionLevel', 'os:RubricCriterionLevel'), ('valueMin', 's'), ('valueMax', 's')]),
    dict(name='RubricCriterionLevel', doc='OB 3.0 RubricCriterionLevel.', types=['RubricCriterionLevel'], type_array=True,
         fields=[('name', 's'), ('description', 's'), ('level', 's'), ('points', 's'), ('alignment', 'os:Alignment')]),
    dict(name='Evidence', doc='OB 3.0 Evidence.', types=['Evidence'], type_array=True,
         base='EvidenceBase', fields=[]),
    dict(name='Alignment', doc='OB 3.0 Alignment.', types=['Alignment'], type_array=True,
         base='AlignmentBase', fields=[('targetType', 's')]),
    dict(name='IdentityObject', doc='OB 3.0 IdentityObject: a plaintext or hashed recipient identifier.',
         types=['IdentityObject'],
         fields=[('hashed', 'b'), ('identityHash', 's', 'plaintext or {@code alg$hex}'), ('identityType', 's'), ('salt', 's')],
         extra='''
  /** {@code identityHash} parsed as a hash, when {@code hashed} is true and it is well-formed. */
  public Optional<IdentityHash> parsedHash() {
    return hashed().orElse(false) ? identityHash().flatMap(IdentityHash::tryParse) : Optional.empty();
  }
'''),
    dict(name='IdentifierEntry', doc='OB 3.0 IdentifierEntry.', types=['IdentifierEntry'],
         fields=[('identifier', 's'), ('identifierType', 's')]),
    dict(name='Image', doc='OB 3.0 Image ({@code id} is the URL or data URI).', types=['Image'],
         fields=[('caption', 's')]),
    dict(name='Criteria', doc='OB 3.0 Criteria: a page ({@code id}) and/or a Markdown narrative.',
         fields=[('narrative', 's')]),
    dict(name='Related', doc='OB 3.0 Related achievement (another language or version).', types=['Related'], type_array=True,
         fields=[('inLanguage', 's'), ('version', 's')]),
    dict(name='EndorsementCredential', base='Credential',
         doc='OB 3.0 EndorsementCredential.',
         context=OB3_CTX, types=['VerifiableCredential', 'EndorsementCredential'], type_array=True,
         fields=[('credentialSubject', 'o:EndorsementSubject')]),
    dict(name='EndorsementSubject', doc='OB 3.0 EndorsementSubject: {@code id} is what is endorsed.',
         types=['EndorsementSubject'], type_array=True,
         fields=[('endorsementComment', 's')]),
    dict(name='CredentialStatus', doc='VC {@code credentialStatus} ({@code 1EdTechRevocationList}, {@code BitstringStatusListEntry}, …).',
         fields=[('statusPurpose', 's'), ('statusListIndex', 's'), ('statusListCredential', 's')]),
    dict(name='CredentialSchema', doc='VC {@code credentialSchema} ({@code 1EdTechJsonSchemaValidator2019}).',
         fields=[]),
    dict(name='RefreshService', doc='VC {@code refreshService} ({@code 1EdTechCredentialRefresh}).', fields=[]),
    dict(name='TermsOfUse', doc='VC {@code termsOfUse}.', fields=[]),
    dict(name='Proof', doc='An embedded proof (Data Integrity or a legacy suite).',
         fields=[('created', 'd'), ('cryptosuite', 's'), ('challenge', 's'), ('domain', 's'), ('nonce', 's'),
                 ('proofPurpose', 's'), ('proofValue', 's'), ('verificationMethod', 's'), ('jws', 's')]),
]
