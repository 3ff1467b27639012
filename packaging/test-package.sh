#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-package.sh BUILD_DIR SOURCE_DIR — builds the .deb with CPack, unpacks it into a scratch
# root (dpkg -x, no root needed) and runs the installed tutti from there: info, render and
# generate must work on the model, index and SoundFont it finds without the source tree.
set -euo pipefail
build=$1
source=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== cpack"
cpack --config "$build/CPackConfig.cmake" -B "$work/package" > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/package/tutti_*.deb)
echo "$deb: $(du -h "$deb" | cut -f1)"

echo "== the package's metadata and contents"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for needed in libtorch libfluidsynth libqt6widgets6 libqt6gui6 soundfont; do
  [[ $depends == *"$needed"* ]] || fail "Depends lacks $needed"
done
contents=$(dpkg-deb -c "$deb")
for file in ./usr/bin/tutti ./usr/lib/tutti/libtutti_core.so ./usr/lib/tutti/libtutti_model.so \
    ./usr/lib/tutti/libtutti_studio.so ./usr/lib/tutti/libtutti_app.so \
    ./usr/share/tutti/models/tutti-mmt2.safetensors ./usr/share/tutti/models/tutti-corpus.index \
    ./usr/share/tutti/models/MODEL_CARD.md \
    ./usr/share/applications/org.tutti.Tutti.desktop ./usr/share/metainfo/org.tutti.Tutti.metainfo.xml \
    ./usr/share/mime/packages/org.tutti.Tutti.xml ./usr/share/man/man1/tutti.1.gz \
    ./usr/share/icons/hicolor/scalable/apps/org.tutti.Tutti.svg \
    ./usr/share/icons/hicolor/48x48/apps/org.tutti.Tutti.png \
    ./usr/share/icons/hicolor/256x256/apps/org.tutti.Tutti.png \
    ./usr/share/doc/tutti/copyright; do
  grep -q " $file\$" <<< "$contents" || fail "the package lacks $file"
done

dpkg -x "$deb" "$work/root"
root=$(cd "$work/root" && pwd -P)
tutti=$root/usr/bin/tutti
share=$root/usr/share

echo "== the copyright file: GPL-3.0-or-later, the model and index CC BY 4.0 with their attribution"
copyright=$share/doc/tutti/copyright
grep -q "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" "$copyright" || fail "copyright: no Format line"
grep -q "^License: GPL-3.0-or-later" "$copyright" || fail "copyright: no GPL-3.0-or-later"
grep -q "^Files: models/\*" "$copyright" || fail "copyright: no paragraph for models/"
grep -q "^License: CC-BY-4.0" "$copyright" || fail "copyright: no CC-BY-4.0"
credited=$(grep -c "; Mutopia Project, CC BY, midi/" "$copyright" || true)
listed=$(sed -n '/^## Attribution/,/^## /p' "$source/models/MODEL_CARD.md" | grep -c '^| .* | `midi/' || true)
echo "attribution: $credited pieces credited, $listed in the model card"
(( credited > 0 && credited == listed )) || fail "copyright: the attribution list differs from models/MODEL_CARD.md"

echo "== desktop entry, AppStream metainfo, manual page"
if command -v desktop-file-validate > /dev/null; then
  desktop-file-validate "$share/applications/org.tutti.Tutti.desktop"
fi
if command -v appstreamcli > /dev/null; then
  appstreamcli validate --no-net "$share/metainfo/org.tutti.Tutti.metainfo.xml"
fi
zcat "$share/man/man1/tutti.1.gz" > "$work/tutti.1"
groff -man -Tutf8 -ww -z "$work/tutti.1" 2> "$work/groff.log"
[[ ! -s $work/groff.log ]] || { cat "$work/groff.log"; fail "groff warns about the manual page"; }
# Every command of `tutti --help` has its subsection in the manual page.
cd "$work" # nowhere near the source tree
env -u TUTTI_MODEL -u TUTTI_CORPUS_INDEX -u TUTTI_SOUNDFONT "$tutti" --help > help.txt
commands=$(sed -n '/^Commands:/,/^$/p' help.txt | awk 'NR > 1 && NF { print $1 }')
[[ -n $commands ]] || fail "no commands in tutti --help"
for command in $commands; do
  grep -q "^\.SS \"$command" tutti.1 || fail "the manual page lacks the $command command"
done

run() { env -u TUTTI_MODEL -u TUTTI_CORPUS_INDEX -u TUTTI_SOUNDFONT QT_QPA_PLATFORM=offscreen "$tutti" "$@"; }

echo "== tutti info: the installed model and index are the ones used"
run info | tee info.txt
grep -q "^Model: *$share/tutti/models/tutti-mmt2.safetensors (" info.txt || fail "the installed tutti does not use its own model"
grep -q "^Index: *$share/tutti/models/tutti-corpus.index (" info.txt || fail "the installed tutti does not use its own index"
grep -q "^SoundFont: */" info.txt || fail "no SoundFont found"
run info "$source/tests/data/midi/conductor-and-two-parts.mid" | tee score.txt
grep -q "^Notes:" score.txt || fail "tutti info FILE"

echo "== tutti info leaves LibTorch, the GUI and the synthesizer unloaded; generate loads the model library beside libtutti_core.so"
LD_DEBUG=files run info "$source/tests/data/midi/conductor-and-two-parts.mid" > /dev/null 2> loader.log
grep -q "needed by $root/usr/[^ ]*/libtutti_core.so \[0\]" loader.log || fail "the installed tutti does not use its own libtutti_core.so"
! grep -q "file=.*\(libtorch\|libtutti_model\)" loader.log || fail "tutti info loaded LibTorch"
! grep -q "file=.*\(libtutti_app\|libQt6Widgets\|libfluidsynth\)" loader.log || fail "tutti info loaded the app library"

echo "== tutti generate"
LD_DEBUG=files run generate --mode new --length 2 --seed 3 --out new.mid 2> loader.log | tee generate.txt
grep -q "file=$root/usr/[^ ]*/libtutti_model.so \[0\]" loader.log || fail "generate did not load the installed model library"
[[ -s new.mid ]] || fail "tutti generate wrote nothing"
run info new.mid | grep "^Notes:" | tee notes.txt
notes=$(awk '{ print $2 }' notes.txt)
(( notes > 0 )) || fail "the generated piece has no notes"

echo "== tutti render"
run render new.mid new.wav
[[ $(head -c 4 new.wav) == RIFF ]] || fail "tutti render did not write a WAV file"
if command -v sox > /dev/null; then
  peak=$(sox new.wav -n stat 2>&1 | awk '/Maximum amplitude/ { print $3 }')
  echo "peak amplitude $peak"
  awk -v p="$peak" 'BEGIN { exit !(p > 0.01) }' || fail "the rendered audio is silent"
fi
echo "package test passed"
