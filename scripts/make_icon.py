"""Draw the app icon: a rounded square in #1f4e79 with 驻 in white (the bundled font).

Writes resources/icons/villagedesk.png (256×256) and villagedesk.ico (16…256 px, for Windows).
Run from the repository root: ``.venv/bin/python scripts/make_icon.py``. The outputs are committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
OUT = ROOT / "resources" / "icons"
BLUE = "#1f4e79"
SIZE = 256
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> Image.Image:
    """The icon at ``size`` pixels (drawn 4× larger and scaled down for smooth edges)."""
    big = size * 4
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = big // 32
    pen.rounded_rectangle((margin, margin, big - margin, big - margin), radius=big // 5, fill=BLUE)
    font = ImageFont.truetype(str(FONT), int(big * 0.66), index=0)
    # centre the glyph's ink, not its advance box
    left, top, right, bottom = pen.textbbox((0, 0), "驻", font=font)
    x = (big - (right - left)) / 2 - left
    y = (big - (bottom - top)) / 2 - top
    pen.text((x, y), "驻", font=font, fill="white")
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(OUT / "villagedesk.png", optimize=True)
    icon.save(OUT / "villagedesk.ico", sizes=ICO_SIZES)
    print(f"wrote {OUT / 'villagedesk.png'} and {OUT / 'villagedesk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
