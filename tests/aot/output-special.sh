#!/usr/bin/env bash
# output-special.sh WASMC MODULE WORK: `wasmc MODULE -o OUT` where OUT is a
# FIFO (as /dev/null is a device) must write into it, never replace it by
# renaming a file over it.
set -u
wasmc=$1 module=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
mkfifo out.fifo
cat out.fifo >received &
reader=$!
"$wasmc" "$module" -o out.fifo || { echo "wasmc failed"; kill $reader; exit 1; }
wait $reader
[ -p out.fifo ] || { echo "out.fifo was replaced: $(ls -l out.fifo)"; exit 1; }
[ -s received ] || { echo "nothing was written into the FIFO"; exit 1; }
head -c 4 received | grep -q ELF || { echo "the FIFO did not receive an executable"; exit 1; }
ls | grep -q tmp && { echo "a temporary file was left: $(ls)"; exit 1; }
exit 0
