#!/bin/sh
# make-corpus.sh OUTDIR [TESTSUITE_DIR]
#
# Seeds a fuzzing corpus: converts every .wast of the spec testsuite with
# wast2json and copies each binary module it produces (valid, invalid and
# binary-malformed ones alike) into OUTDIR, named by content hash so that
# modules repeated across scripts are kept once. Text-format modules
# (.wat, from assert_malformed on text) are not binaries and are left out.
#
# TESTSUITE_DIR defaults to ../shared/wasm-testsuite beside the repository.
# Set WASMC_CORPUS_PROPOSALS=1 to add the proposal tests too (with the
# wast2json flag each directory needs).
set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 OUTDIR [TESTSUITE_DIR]" >&2
  exit 2
fi
Out=$1
Repo=$(cd "$(dirname "$0")/../.." && pwd)
Suite=${2:-$Repo/../shared/wasm-testsuite}
[ -d "$Suite" ] || { echo "no testsuite at $Suite" >&2; exit 1; }
command -v wast2json >/dev/null || { echo "wast2json (wabt) not found" >&2; exit 1; }

Tmp=$(mktemp -d)
trap 'rm -rf "$Tmp"' EXIT
mkdir -p "$Out"

# convert FILE.wast [FLAGS...]: writes FILE.json and FILE.N.wasm into $Tmp.
convert() {
  Wast=$1
  shift
  Name=$(basename "$Wast" .wast)
  if ! wast2json "$@" "$Wast" -o "$Tmp/$Name.json" >/dev/null 2>&1; then
    echo "skipped (wast2json failed): $Wast" >&2
  fi
}

for Wast in "$Suite"/*.wast; do
  convert "$Wast"
done

if [ "${WASMC_CORPUS_PROPOSALS:-0}" = 1 ]; then
  for Dir in "$Suite"/proposals/*/; do
    Proposal=$(basename "$Dir")
    case $Proposal in
      exception-handling) Flag=--enable-exceptions ;;
      *) Flag=--enable-$Proposal ;;
    esac
    for Wast in "$Dir"*.wast; do
      # Proposal files reuse core names (binary.wast): keep them apart.
      Copy="$Tmp/$Proposal-$(basename "$Wast")"
      cp "$Wast" "$Copy"
      convert "$Copy" "$Flag"
    done
  done
fi

Before=$(find "$Out" -maxdepth 1 -type f | wc -l)
for Wasm in "$Tmp"/*.wasm; do
  [ -e "$Wasm" ] || continue
  Hash=$(sha1sum "$Wasm" | cut -c1-40)
  cp "$Wasm" "$Out/$Hash"
done
After=$(find "$Out" -maxdepth 1 -type f | wc -l)
echo "$Out: $After seed modules ($((After - Before)) new)"
