# Writes the loader-error corpus: one flawed module per file, each a single
# mutation of the minimal valid module. bad/expected.txt holds the first
# diagnostic each must produce (checked by tests/unit/test_loader_errors.cpp).
# Run from tests/corpus/:  python3 make_corpus.py
import os
T = '''<?xml version="1.0" encoding="UTF-8"?>
<module format="1" id="m" version="1" minutes="1" pass-mark="50" start="a" languages="nl">
  <title><nl>T</nl></title>
  <audience><nl>A</nl></audience>
  <content-note><nl>C</nl></content-note>
  <support><contact><label><nl>L</nl></label><detail><nl>D</nl></detail></contact></support>
  <variables>
    <var id="told" type="bool"/>
    <var id="n" type="int" initial="0"/>
  </variables>
  <scene id="a">
    <text><nl>x</nl></text>
    <choices>
      <choice id="c1" target="b" points="1" set="told=true"><label><nl>1</nl></label><feedback><nl>f</nl></feedback></choice>
      <choice id="c2" target="b"><label><nl>2</nl></label><feedback><nl>f</nl></feedback></choice>
    </choices>
  </scene>
  <scene id="b">
    <text><nl>end</nl></text>
    <ending outcome="good"/>
  </scene>
</module>
'''
cases = {
 'not-xml': ('<choice id="c2" target="b">', '<choice id="c2" target="b"'),
 'wrong-root': ('<module format="1"', '<modules format="1"'),
 'bad-format': ('format="1"', 'format="2"'),
 'missing-start': (' start="a"', ''),
 'unknown-element': ('  <scene id="b">\n', '  <scene id="b">\n    <pictur/>\n'),
 'unknown-attribute': ('<choice id="c2" target="b">', '<choice id="c2" target="b" colour="red">'),
 'duplicate-scene': ('<scene id="b">', '<scene id="a">'),
 'unknown-target': ('<choice id="c2" target="b">', '<choice id="c2" target="nowhere">'),
 'bad-number': ('points="1"', 'points="one"'),
 'negative-points': ('points="1"', 'points="-3"'),
 'pass-mark-range': ('pass-mark="50"', 'pass-mark="150"'),
 'unknown-variable': ('set="told=true"', 'set="tolled=true"'),
 'condition-syntax': ('<choice id="c2" target="b">', '<choice id="c2" target="b" when="told and">'),
 'condition-type': ('<choice id="c2" target="b">', '<choice id="c2" target="b" when="told &gt;= 2">'),
 'image-escape': ('<scene id="b">', '<scene id="b" image="../secret.png">'),
 'image-absolute': ('<scene id="b">', '<scene id="b" image="/etc/passwd.png">'),
 'missing-feedback': ('<choice id="c2" target="b"><label><nl>2</nl></label><feedback><nl>f</nl></feedback></choice>', '<choice id="c2" target="b"><label><nl>2</nl></label></choice>'),
 'two-interactions': ('    <ending outcome="good"/>\n', '    <ending outcome="good"/>\n    <continue target="a"/>\n'),
 'no-interaction': ('    <ending outcome="good"/>\n', ''),
 'duplicate-choice': ('<choice id="c2"', '<choice id="c1"'),
 'route-default': ('<choice id="c2" target="b"><label><nl>2</nl></label><feedback><nl>f</nl></feedback></choice>', '<choice id="c2"><label><nl>2</nl></label><feedback><nl>f</nl></feedback><route target="b" when="told"/></choice>'),
 'unreachable': ('    <ending outcome="good"/>\n  </scene>\n', '    <ending outcome="good"/>\n  </scene>\n  <scene id="lost"><text><nl>?</nl></text><ending outcome="bad"/></scene>\n'),
 'missing-translation': ('languages="nl"', 'languages="nl en"'),
 'unknown-signal': ('<choice id="c2" target="b">', '<choice id="c2" target="b" tests="age-gap">'),
 'text-outside-language': ('<text><nl>end</nl></text>', '<text>end</text>'),
 'order': ('  <title><nl>T</nl></title>\n  <audience><nl>A</nl></audience>\n', '  <audience><nl>A</nl></audience>\n  <title><nl>T</nl></title>\n'),
 'bad-id': ('<scene id="b">', '<scene id="b b">'),
 'module-id-case': ('id="m"', 'id="Author-Pool"'),
 # A typo in a longer id gets the nearest known id as a hint.
 'unknown-target-near': ('<choice id="c2" target="b">', '<choice id="c2" target="loby">'),
 # requires="...": the loader checks each id alone (the catalogue checks the rest).
 'requires-self': (' start="a"', ' start="a" requires="other m"'),
 'requires-twice': (' start="a"', ' start="a" requires="other other"'),
 'requires-bad-id': (' start="a"', ' start="a" requires="Other"'),
 'empty-file': None,
 'unclosed': ('</module>\n', ''),
 'mismatched-tag': ('<text><nl>end</nl></text>', '<text><nl>end</nl></txet>'),
 'stray-ampersand': ('<nl>end</nl>', '<nl>fish & chips</nl>'),
 'doctype': ('<module ', '<!DOCTYPE module [<!ENTITY e "x">]>\n<module '),
 'not-utf8': ('<nl>end</nl>', '<nl>caf\xe9</nl>'),
 'utf16': ('<nl>end</nl>', '<nl>end</nl>'),
 # Once a stack overflow: conditions and elements nested past their limits.
 'deep-condition': ('<choice id="c2" target="b">', '<choice id="c2" target="b" when="' + '(' * 10000 + 'told' + ')' * 10000 + '">'),
 'deep-not': ('<choice id="c2" target="b">', '<choice id="c2" target="b" when="' + 'not ' * 5000 + 'told">'),
 'long-condition': ('<choice id="c2" target="b">', '<choice id="c2" target="b" when="' + ' and '.join(['told'] * 300) + '">'),
 'deep-elements': ('<text><nl>end</nl></text>', '<text><nl>end</nl></text>' + '<x>' * 5000 + '</x>' * 5000),
}
# Importable (make_requires.py reuses T): files are written only when run.
if __name__ == '__main__':
    for name, sub in cases.items():
        if sub is None:
            text = ''
        else:
            assert sub[0] in T, name
            text = T.replace(sub[0], sub[1], 1)
            if name == 'wrong-root':
                text = text.replace('</module>', '</modules>')
            if name == 'unknown-target-near':
                text = text.replace('target="b"', 'target="lobby"').replace('<scene id="b">', '<scene id="lobby">')
            if name == 'duplicate-scene':
                text = T.replace('<scene id="b">', '<scene id="a">')
        # not-utf8 is written as Latin-1, the mistake an old editor makes; utf16
        # as UTF-16 with a byte-order mark, what "Unicode" means in some editors.
        encoding = {'not-utf8': 'latin-1', 'utf16': 'utf-16'}.get(name, 'utf-8')
        open(f'bad/{name}.xml', 'w', encoding=encoding).write(text)
    open('good/minimal.xml', 'w').write(T)
