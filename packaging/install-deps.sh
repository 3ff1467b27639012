#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package that Tutti's build, tests and app need.
# Run as root (or it uses sudo). Safe to run again.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang
  # Qt 6 (Widgets, Test, Svg), MusicXML's compressed container and its XML parser
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libquazip1-qt6-dev libxml2-dev
  # the model: LibTorch plus the BLAS and allocator that make it fast on a CPU
  libtorch-dev libopenblas0-openmp libtcmalloc-minimal4 libgoogle-perftools-dev
  # data-parallel training: the Gloo headers that LibTorch's c10d ProcessGroupGloo includes
  libgloo-dev
  # sound
  libfluidsynth-dev libsndfile1-dev timgm6mb-soundfont musescore-general-soundfont-small
  fluid-soundfont-gm
  # MIDI ports (ALSA sequencer and JACK through RtMidi); a JACK server with the dummy backend for tests
  librtmidi-dev libasound2-dev libjack-jackd2-dev jackd2
  # tests: other programs' MIDI tools, audio analysis, a display for screenshots
  midicsv abcmidi sox xvfb xauth
  # MusicXML round trips against another program, and well-formedness checks
  musescore3 libxml2-utils
  # packaging
  dpkg-dev file desktop-file-utils appstream
)

# Nothing to do when every package is already installed (keeps CI and rebuilds quick).
missing=$(dpkg-query -W -f='${Status} ${Package}\n' "${packages[@]}" 2>&1 | grep -v ' ok installed ' || true)
if [ -z "$missing" ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${packages[@]}"
