#!/usr/bin/env bash
# Renders assets/signaal.svg into the PNG sizes the freedesktop icon theme uses
# and the multi-size assets/windows/signaal.ico. The results are committed (our
# own art, not a third-party binary) so neither build needs rsvg-convert or
# icotool; run this again after changing the SVG.
# Needs: librsvg2-bin (rsvg-convert), icoutils (icotool).
#   bash tools/make-icons.sh
set -euo pipefail
cd "$(dirname "$0")/.."
app_id=nl.signaal.Signaal
svg=assets/signaal.svg
sizes=(16 24 32 48 64 128 256)

for n in "${sizes[@]}"; do
  dir=assets/icons/hicolor/${n}x${n}/apps
  mkdir -p "$dir"
  rsvg-convert -w "$n" -h "$n" "$svg" -o "$dir/$app_id.png"
done
# Windows shows 16-48 in lists and Explorer, 128-256 in large views. The two
# large ones are stored as PNG (-r): every Windows since Vista reads that, and
# as bitmaps they would be 4/5 of the file.
png() { echo "assets/icons/hicolor/$1x$1/apps/$app_id.png"; }
icotool -c -o assets/windows/signaal.ico \
  "$(png 16)" "$(png 24)" "$(png 32)" "$(png 48)" "$(png 64)" -r "$(png 128)" -r "$(png 256)"
echo "make-icons: ${#sizes[@]} PNGs and assets/windows/signaal.ico from $svg"
