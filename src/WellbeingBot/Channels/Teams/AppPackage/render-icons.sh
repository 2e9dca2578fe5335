#!/usr/bin/env bash
# Renders the Teams icons from their SVG sources with headless Chromium (the browser the tests use), at the sizes Teams
# requires: color.png 192x192, outline.png 32x32 white on transparent. Run it after changing an SVG and commit the PNGs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
browser=${CHROMIUM:-/usr/bin/chromium}
for name in color:192 outline:32; do
  file=${name%%:*}; size=${name##*:}
  "$browser" --headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --default-background-color=00000000 \
    --window-size="$size,$size" --screenshot="$here/$file.png" "file://$here/$file.svg" 2>/dev/null
done
echo "rendered $here/color.png and $here/outline.png"
