#!/bin/sh
# Fills fuzz/corpus/TARGET with seeds from the test fixtures, the bundled
# report and the default config (run from anywhere; cargo fuzz adds what it
# finds to the same directories).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus"
mkdir -p "$corpus/load_parse" "$corpus/targets" "$corpus/search" "$corpus/config" "$corpus/state"
reports="$root/tests/fixtures/*.txt $root/assets/minhang-2024-07-24.txt"
for f in $reports; do
    name=$(basename "$f")
    cp "$f" "$corpus/load_parse/$name"
    cp "$f" "$corpus/targets/$name"
    # Short excerpts too: libFuzzer mutates small inputs faster.
    head -c 2048 "$f" > "$corpus/load_parse/head-$name"
    head -c 2048 "$f" > "$corpus/targets/head-$name"
    for q in dlhw 大零号湾 ， 4000 zhongguo; do
        { printf '%s\n' "$q"; head -c 4096 "$f"; } > "$corpus/search/$q-$name"
    done
done
printf '第一，重点\033[2J行业。\n力争年内高新技术企业达到4000家、专精特新企业突破125家。\n' > "$corpus/targets/hostile.txt"
cp "$corpus/targets/hostile.txt" "$corpus/load_parse/hostile.txt"
# The pathological shapes of benches/pathological.rs, small.
python3 - "$corpus" <<'PY'
import sys
c = sys.argv[1]
shapes = {
    "digit-run": "9" * 8000 + "\n",
    "cn-numeral-run": "九" * 2700 + "\n",
    "quote-dense": "力争新增1家“甲”，" * 300 + "\n",
    "punct-run": "。；：！？，、" * 400 + "\n",
    "one-letter-lines": "a\n" * 4000,
    "clause-run": "高新技术企业达到4000家，" * 300 + "\n",
}
for name, text in shapes.items():
    for t in ("load_parse", "targets"):
        open(f"{c}/{t}/{name}.txt", "w").write(text)
    open(f"{c}/search/{name}.txt", "w").write("，\n" + text)
open(f"{c}/search/polyphone-run.txt", "w").write("a" * 40 + "b\n" + "啊" * 3000 + "\n")
PY
cp "$root/assets/config.yaml" "$corpus/config/default.yaml"
printf 'theme: light\nkeys:\n  quit: [q, ctrl-c]\n  down: j\n' > "$corpus/config/small.yaml"
printf '{"version":1,"position":{"offset":3,"node":"1"},"open":["2"],"bookmarks":{"a":{"offset":9,"node":"1.1"}},"history":[{"offset":1,"node":"1"}],"history_forward":0}' > "$corpus/state/state.json"
echo "seeded $corpus"
