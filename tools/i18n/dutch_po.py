"""po/nl.po from the code's own Dutch.

Input: a template extracted with the Dutch as msgctxt and the English as
msgid (tools/i18n/update-po.sh). Output: the catalogue with the English as
msgid and the Dutch as msgstr. The code's Dutch is the source of truth; the
file is for translators, who see both languages side by side."""
import sys

import polib

src, src_many, out = sys.argv[1], sys.argv[2], sys.argv[3]
pairs = polib.pofile(src, wrapwidth=0)
# w.plural's Dutch plural (its 3rd argument), by English singular.
dutch_many = {e.msgid: e.msgctxt for e in polib.pofile(src_many, wrapwidth=0)}
po = polib.POFile(wrapwidth=0)
po.metadata = {
    "Project-Id-Version": "Signaal",
    "PO-Revision-Date": "2026-12-04 00:00+0100",
    "Last-Translator": "the Signaal authors (the Dutch is written in the code)",
    "Language-Team": "Dutch",
    "Language": "nl",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}
seen = {}
for e in pairs:
    if e.msgid in seen:
        if seen[e.msgid].msgstr != e.msgctxt:
            sys.exit(f"'{e.msgid}' has two Dutch texts: '{seen[e.msgid].msgstr}' and '{e.msgctxt}';"
                     " one English text needs one Dutch one (or different English)")
        seen[e.msgid].occurrences += [o for o in e.occurrences if o not in seen[e.msgid].occurrences]
        continue
    if e.msgid_plural:
        entry = polib.POEntry(msgid=e.msgid, msgid_plural=e.msgid_plural, occurrences=e.occurrences, flags=list(e.flags),
                              msgstr_plural={0: e.msgctxt, 1: dutch_many[e.msgid]})
    else:
        entry = polib.POEntry(msgid=e.msgid, msgstr=e.msgctxt, occurrences=e.occurrences, flags=list(e.flags))
    seen[e.msgid] = entry
    po.append(entry)
po.save(out)
