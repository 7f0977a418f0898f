# Writes the requirements corpus (tests/corpus/requires): modules that require
# one another, with every mistake only the whole catalogue shows. Each is the
# minimal module of make_corpus.py with another id, course and `requires`.
# requires/expected.txt holds what `signaal-check requires/` must report
# (checked by tests/unit/test_prerequisites.cpp).
# Run from tests/corpus/:  python3 make_requires.py
from make_corpus import T

modules = {
    # id: (course, requires)
    'intro': ('hotel', ''),
    'desk': ('hotel', 'intro'),            # fine
    'exam': ('hotel', 'intro desk'),       # fine: an assessment after two modules
    'typo': ('hotel', 'intr'),             # unknown, near 'intro'
    'other': ('cases', 'intro'),           # another course
    'loop-a': ('hotel', 'loop-b'),         # a cycle of two
    'loop-b': ('hotel', 'loop-a'),
}
head = '<module format="1" id="m" version="1" minutes="1" pass-mark="50" start="a" languages="nl">'
for mid, (course, req) in modules.items():
    attrs = f' course="{course}"' + (f' requires="{req}"' if req else '')
    if mid == 'exam':
        attrs += ' assessment="true"'
    text = T.replace(head, head.replace('id="m"', f'id="{mid}"').replace('languages="nl">', f'languages="nl"{attrs}>'), 1)
    assert text != T
    open(f'requires/{mid}.xml', 'w').write(text)
