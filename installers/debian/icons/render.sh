#!/bin/sh
# Renders the desk's PNG icons (16 to 256 pixels, hicolor sizes) from motcua-desk.svg; the PNGs are kept in the
# repository so that a build needs no SVG renderer. Needs ImageMagick with its SVG delegate (Debian: librsvg2-bin).
set -eu
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
    convert -background none -density 384 motcua-desk.svg -resize "${size}x${size}" -strip \
        "PNG32:motcua-desk-$size.png"
done
