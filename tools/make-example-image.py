#!/usr/bin/env python3
"""Draws the example module's scene picture (a hotel front desk at night) as a PNG.
Pure standard library, so the image can be regenerated on any machine:
    python3 tools/make-example-image.py content/example/images/desk.png
"""
import struct, sys, zlib

W, H = 480, 270

def draw():
    px = [[(24, 30, 58)] * W for _ in range(H)]          # night-blue wall
    def rect(x0, y0, x1, y1, c):
        for y in range(max(0, y0), min(H, y1)):
            for x in range(max(0, x0), min(W, x1)):
                px[y][x] = c
    rect(0, 200, W, H, (60, 44, 36))                       # floor
    rect(300, 40, 420, 120, (14, 18, 40))                  # window
    rect(358, 40, 362, 120, (70, 70, 90))                  # window bar
    for i, (sx, sy) in enumerate([(320, 60), (390, 80), (340, 100), (400, 55)]):
        rect(sx, sy, sx + 2, sy + 2, (240, 240, 200))      # stars
    rect(40, 140, 260, 210, (120, 80, 50))                 # desk
    rect(40, 132, 260, 142, (150, 105, 70))                # desk top
    rect(200, 100, 206, 132, (200, 200, 200))              # lamp stem
    rect(185, 90, 222, 102, (250, 210, 90))                # lamp shade
    rect(70, 116, 110, 132, (40, 40, 45))                  # screen
    rect(72, 118, 108, 130, (90, 150, 200))
    rect(130, 124, 170, 132, (235, 235, 225))              # register book
    return px

def png(px):
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in px)
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

if __name__ == "__main__":
    with open(sys.argv[1], "wb") as f:
        f.write(png(draw()))
