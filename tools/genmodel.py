#!/usr/bin/env python3
"""Generates the value types of openbadges-model from the tables below.

The generated sources are committed; run this script again after editing a table:
    python3 tools/genmodel.py
Hand-written additions live in the EXTRA strings.
"""
import os, re, textwrap

ROOT = os.path.join(os.path.dirname(__file__), '..', 'openbadges-model', 'src', 'main', 'java',
                    'io', 'github', 'insignia', 'openbadges', 'model')

def cap(s): return s[0].upper() + s[1:]

def singular(name):
    if name.endswith('ies'): return name[:-3] + 'y'
    if name in ('evidence', 'endorsementJwt', 'alignment', 'identifier', 'result', 'proof', 'termsOfUse',
                'credentialStatus', 'credentialSchema', 'endorsement', 'otherIdentifier', 'related',
                'resultDescription', 'rubricCriterionLevel', 'tag', 'allowedValue', 'publicKey',
                'startsWith', 'allowedOrigins'):
        return {'allowedOrigins': 'allowedOrigin'}.get(name, name)
    if name.endswith('s'): return name[:-1]
    return name

def field_code(pkg, f):
    name, kind = f[0], f[1]
    doc = f[2] if len(f) > 2 else ''
    cls = kind.split(':')[1] if ':' in kind else None
    k = kind.split(':')[0]
    jn = name
    d = f'`{name}`' + (f': {doc}' if doc else '')
    d = d.replace('`', '')
    jd = f'  /** {{@code {name}}}' + (f': {doc}' if doc else '') + '. */\n'
    acc, bld = '', ''
    if k == 's':
        acc = f'{jd}  public Optional<String> {jn}() {{\n    return string("{name}");\n  }}\n'
        bld = f'{jd}    public Builder {jn}(String value) {{\n      return putString("{name}", value);\n    }}\n'
    elif k == 't':
        acc = f'{jd}  public Optional<String> {jn}() {{\n    return text("{name}");\n  }}\n'
        bld = f'{jd}    public Builder {jn}(String value) {{\n      return putString("{name}", value);\n    }}\n'
    elif k == 'ss':
        acc = f'{jd}  public List<String> {jn}() {{\n    return strings("{name}");\n  }}\n'
        bld = (f'{jd}    public Builder {jn}(List<String> values) {{\n      return putStrings("{name}", values, true);\n    }}\n\n'
               f'  /** Appends to {{@code {name}}}. */\n    public Builder add{cap(singular(name))}(String value) {{\n      return appendIri("{name}", value);\n    }}\n')
    elif k == 'b':
        acc = f'{jd}  public Optional<Boolean> {jn}() {{\n    return bool("{name}");\n  }}\n'
        bld = f'{jd}    public Builder {jn}(Boolean value) {{\n      return putBool("{name}", value);\n    }}\n'
    elif k == 'n':
        acc = f'{jd}  public Optional<BigDecimal> {jn}() {{\n    return number("{name}");\n  }}\n'
        bld = f'{jd}    public Builder {jn}(BigDecimal value) {{\n      return putNumber("{name}", value);\n    }}\n'
    elif k == 'd':
        acc = f'{jd}  public Optional<OffsetDateTime> {jn}() {{\n    return dateTime("{name}");\n  }}\n'
        bld = (f'{jd}    public Builder {jn}(OffsetDateTime value) {{\n      return putDateTime("{name}", value);\n    }}\n\n'
               f'{jd}    public Builder {jn}(Instant value) {{\n      return putInstant("{name}", value);\n    }}\n')
    elif k == 'o':
        acc = f'{jd}  public Optional<{cls}> {jn}() {{\n    return object("{name}", {cls}::wrap);\n  }}\n'
        bld = f'{jd}    public Builder {jn}({cls} value) {{\n      return putObject("{name}", value);\n    }}\n'
    elif k == 'os':
        acc = f'{jd}  public List<{cls}> {jn}() {{\n    return objects("{name}", {cls}::wrap);\n  }}\n'
        bld = (f'{jd}    public Builder {jn}(List<{cls}> values) {{\n      return putObjects("{name}", values);\n    }}\n\n'
               f'  /** Appends to {{@code {name}}}. */\n    public Builder add{cap(singular(name))}({cls} value) {{\n      return appendObject("{name}", value);\n    }}\n')
    elif k == 'r':
        acc = f'{jd}  public Optional<Ref<{cls}>> {jn}() {{\n    return ref("{name}", {cls}::wrap);\n  }}\n'
        bld = (f'{jd}    public Builder {jn}(String iri) {{\n      return putString("{name}", iri);\n    }}\n\n'
               f'{jd}    public Builder {jn}({cls} value) {{\n      return putObject("{name}", value);\n    }}\n')
    elif k == 'rs':
        acc = f'{jd}  public List<Ref<{cls}>> {jn}() {{\n    return refs("{name}", {cls}::wrap);\n  }}\n'
        bld = (f'{jd}    public Builder {jn}(List<Ref<{cls}>> values) {{\n      return putRefs("{name}", values);\n    }}\n\n'
               f'  /** Appends an IRI to {{@code {name}}}. */\n    public Builder add{cap(singular(name))}(String iri) {{\n      return appendIri("{name}", iri);\n    }}\n\n'
               f'  /** Appends an embedded object to {{@code {name}}}. */\n    public Builder add{cap(singular(name))}({cls} value) {{\n      return appendObject("{name}", value);\n    }}\n')
    elif k == 'j':
        acc = f'{jd}  public List<JsonNode> {jn}() {{\n    return copiesOf("{name}");\n  }}\n'
        bld = ''
    else:
        raise Exception(kind)
    bld = re.sub(r'(^|\n)  /\*\*', r'\1    /**', bld)
    return acc, bld

HEADER = '''package io.github.insignia.openbadges.model.{pkg};

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.model.AbstractBuilder;
import io.github.insignia.openbadges.model.Contexts;
import io.github.insignia.openbadges.model.IdentityHash;
import io.github.insignia.openbadges.model.JsonBacked;
import io.github.insignia.openbadges.model.Ref;
import io.github.insignia.openbadges.model.internal.Members;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

// Generated by tools/genmodel.py from its tables; edit the tables, not this file.
'''

def javadoc(doc):
    """A class comment: one line, or wrapped at 100 columns when the text has paragraphs."""
    if '\n' not in doc:
        return f'/** {doc} */'
    lines = []
    for para in doc.split('\n\n'):
        lines += textwrap.wrap(para, 97) + ['']
    return '/**\n' + '\n'.join((' * ' + l).rstrip() for l in lines[:-1]) + '\n */'

def gen(pkg, name, doc, fields, context=None, types=None, type_array=False, extra='', extra_builder='',
        base=None, abstract=False):
    shared = SHARED_BY_NAME.get(base)
    if shared:
        # Javadoc leaves out the internal package, so say here what the class inherits from it.
        codes = [f'{{@code {f[0]}}}' for f in shared['fields']]
        inherited = codes[0] if len(codes) == 1 else ', '.join(codes[:-1]) + ' and ' + codes[-1]
        doc += f'\n\n<p>The accessors and builder setters for {inherited} are inherited: they are the same in {shared["shared_by"]}.'
    accs, blds, names = [], [], ['@context', 'id', 'type']
    for f in fields:
        a, b = field_code(pkg, f)
        accs.append(a); blds.append(b); names.append(f[0])
    known = ', '.join(f'"{n}"' for n in names)
    if abstract:
        blds = [b.replace('public Builder ', 'public B ') for b in blds]
        out = HEADER.format(pkg=pkg)
        out += f'\n/** {doc} */\npublic abstract class {name} extends JsonBacked {{\n'
        out += f'  /** The members this class reads. */\n  protected static final Set<String> KNOWN = Set.of({known});\n\n'
        out += f'  /** Wraps a node (copied when {{@code copy}}). */\n  protected {name}(ObjectNode json, boolean copy) {{\n    super(json, copy);\n  }}\n\n'
        out += '  @Override\n  protected Set<String> knownMembers() {\n    return KNOWN;\n  }\n\n'
        out += '\n'.join(accs) + extra
        out += f'\n  /** Builds the members {name} shares. */\n  public abstract static class Builder<B extends Builder<B, T>, T extends {name}> extends AbstractBuilder<B, T> {{\n'
        out += '    /** Starts empty. */\n    protected Builder() {}\n\n'
        out += '    /** Starts from a copy. */\n    protected Builder(ObjectNode start) {\n      super(start);\n    }\n\n'
        out += '\n'.join(blds) + extra_builder + '  }\n}\n'
        return out
    parent = base or 'JsonBacked'
    bparent = f'{base}.Builder<Builder, {name}>' if base else f'AbstractBuilder<Builder, {name}>'
    own_known = ', '.join(f'"{f[0]}"' for f in fields)
    known_expr = f'union({base}.KNOWN, {own_known})' if base else f'Set.of({known})'
    out = HEADER.format(pkg=pkg)
    if shared:
        out = out.replace('import java.math', f'import io.github.insignia.openbadges.model.internal.{base};\nimport java.math')
    out += f'\n{javadoc(doc)}\npublic final class {name} extends {parent} {{\n'
    # a subclass adding no member reads what its base reads
    own_members = not base or fields
    if own_members:
        out += f'  private static final Set<String> KNOWN_MEMBERS = {known_expr};\n\n'
    out += f'  private {name}(ObjectNode json, boolean copy) {{\n    super(json, copy);\n  }}\n\n'
    out += f'  /** Wraps a copy of a JSON object as read; no member is checked, unknown members are kept. */\n'
    out += f'  public static {name} of(ObjectNode json) {{\n    return new {name}(json, true);\n  }}\n\n'
    out += f'  static {name} wrap(ObjectNode json) {{\n    return new {name}(json, false);\n  }}\n\n'
    out += f'  /** A builder with the standard defaults ({"@context, " if context else ""}type). */\n'
    out += f'  public static Builder builder() {{\n    return new Builder();\n  }}\n\n'
    out += f'  /** A builder that starts from this value\'s members, unknown ones included. */\n'
    out += f'  public Builder toBuilder() {{\n    return new Builder(node());\n  }}\n\n'
    if own_members:
        out += f'  @Override\n  protected Set<String> knownMembers() {{\n    return KNOWN_MEMBERS;\n  }}\n\n'
    out += '\n'.join(accs) + extra
    out += f'\n  /** Builds {{@link {name}}}. */\n  public static final class Builder extends {bparent} {{\n'
    init = []
    if context:
        init.append(f'context({context});')
    if types:
        init.append(('typeArray' if type_array else 'type') + '(' + ', '.join(f'"{t}"' for t in types) + ');')
    out += '    private Builder() {\n' + ''.join('      ' + i + '\n' for i in init) + '    }\n\n'
    out += '    private Builder(ObjectNode start) {\n      super(start);\n    }\n\n'
    out += '\n'.join(blds) + extra_builder
    out += f'\n    @Override\n    protected {name} create(ObjectNode json) {{\n      return new {name}(json, false);\n    }}\n  }}\n}}\n'
    return out

def cleanup(src):
    # drop imports the class does not use
    lines = src.split('\n')
    body = '\n'.join(l for l in lines if not l.startswith('import '))
    keep = []
    for l in lines:
        m = re.match(r'import [\w.]+\.(\w+);', l)
        if m and not re.search(r'\b' + m.group(1) + r'\b', body):
            continue
        keep.append(l)
    # sections a class does not have leave no double blank lines
    return re.sub(r'\n{3,}', '\n\n', '\n'.join(keep))

def write(pkg, name, src):
    path = os.path.join(ROOT, pkg, name + '.java')
    with open(path, 'w') as fh:
        fh.write(cleanup(src))

from genmodel_tables import SHARED, OB2, OB3
SHARED_BY_NAME = {spec['name']: spec for spec in SHARED}
for spec in SHARED:
    write('internal', spec['name'], gen('internal', abstract=True, **{k: v for k, v in spec.items() if k != 'shared_by'}))
for pkg, table in (('ob2', OB2), ('ob3', OB3)):
    for spec in table:
        write(pkg, spec['name'], gen(pkg, **spec))
