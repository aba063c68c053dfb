#!/usr/bin/env bash
# Maintainers only: regenerates the bundled ILLUSTRATIVE study's releases 1.0 and 1.1 from its current texts,
# after an edit to content/study (run from the repository root: bash scripts/tools/bundled-releases.sh).
# 1.0 is the current study minus 12 excerpts, plus E0373 (withdrawn in 1.1), with E0100's earlier wording,
# the code "Co-design" under its earlier label and without the Mandra Road redactions; 1.1 is the study as it is.
# A real study never does this: its releases are append-only (npm run release).
set -euo pipefail
ROOT=$(pwd)
rm -rf /tmp/v10 && cp -r content/study /tmp/v10 && rm -rf /tmp/v10/releases /tmp/v10/withdrawn.yaml content/study/releases
cd /tmp/v10 && python3 - <<'PY'
import csv, io
rows = list(csv.reader(open('excerpts.csv', newline='', encoding='utf-8')))
header, body = rows[0], rows[1:]
added_in_11 = {f'E0{n}' for n in range(360, 373)} - {'E0364'}
body = [r for r in body if r[0] not in added_in_11]
for r in body:
    if r[0] == 'E0100':
        assert 'Half my ward would be labelled malnourished by it' in r[4]
        r[4] = r[4].replace('Half my ward would be labelled malnourished by it', 'Half of my ward would be called malnourished by it')
body.append(['E0373', 'P07', '99', 'clinical-judgement-primacy', "I said more than I meant to in that part of the interview. (Illustrative: an excerpt written to show how a withdrawn excerpt looks.)", '', ''])
out = io.StringIO(); w = csv.writer(out, lineterminator='\n'); w.writerow(header); w.writerows(body)
open('excerpts.csv', 'w', encoding='utf-8').write(out.getvalue())
cb = open('codebook.yaml', encoding='utf-8').read()
old = '- id: co-design-with-clinicians\n            label: Designed with clinicians'
assert old in cb
open('codebook.yaml', 'w', encoding='utf-8').write(cb.replace(old, '- id: co-design-with-clinicians\n            label: Co-design'))
red = open('redactions.yaml', encoding='utf-8').read()
a, b = '- term: Mandra Road\n  replacement: "[a nearby locality]"\n', '- term: منڈرا روڈ\n  replacement: "[a nearby locality]"\n'
assert a in red and b in red
open('redactions.yaml', 'w', encoding='utf-8').write(red.replace(a, '').replace(b, ''))
PY
cd "$ROOT"
npm run --silent release -- 1.0 --date 2026-06-15 --study /tmp/v10 --no-deposit
mkdir -p content/study/releases && cp /tmp/v10/releases/1.0.json content/study/releases/
cat > content/study/withdrawn.yaml <<'Y'
# Excerpts withdrawn after a release, and why. Each id keeps a page at its old address that says
# when and why it was withdrawn, and nothing of what it said. An id listed here never comes back.
# (Illustrative: this withdrawal was made up to show how a withdrawn excerpt appears.)
E0373: The participant asked for this passage to be withdrawn after reading the transcript.
Y
npm run --silent release -- 1.1 --date 2026-11-20 --no-deposit
