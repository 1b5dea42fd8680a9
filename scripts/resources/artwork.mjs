// The one source image of Switchboard's icons: a speech bubble with three dots on a blue rounded
// square, described as shapes in unit coordinates (0..1, y down) and rasterised at any size with
// signed distances (coverage from the distance to the edge gives anti-aliasing without sampling).

const clamp01 = (v) => Math.min(1, Math.max(0, v));

function roundedRect(x, y, { left, top, right, bottom, radius }) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const qx = Math.abs(x - cx) - ((right - left) / 2 - radius);
  const qy = Math.abs(y - cy) - ((bottom - top) / 2 - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;

/** Signed distance to a triangle (negative inside). */
function triangle(x, y, [a, b, c]) {
  const edges = [
    [a, b],
    [b, c],
    [c, a],
  ];
  let distance = Infinity;
  let sign = 1;
  const cross = [];
  for (const [p, q] of edges) {
    const ex = q[0] - p[0];
    const ey = q[1] - p[1];
    const wx = x - p[0];
    const wy = y - p[1];
    const t = clamp01((wx * ex + wy * ey) / (ex * ex + ey * ey));
    distance = Math.min(distance, Math.hypot(wx - ex * t, wy - ey * t));
    cross.push(ex * wy - ey * wx);
  }
  if (cross.every((v) => v >= 0) || cross.every((v) => v <= 0)) sign = -1;
  return sign * distance;
}

const TILE = { left: 0.08, top: 0.08, right: 0.92, bottom: 0.92, radius: 0.19 };
const BUBBLE = { left: 0.22, top: 0.25, right: 0.78, bottom: 0.66, radius: 0.11 };
const TAIL = [
  [0.3, 0.6],
  [0.48, 0.6],
  [0.28, 0.79],
];
const DOTS = [0.36, 0.5, 0.64].map((cx) => [cx, 0.455, 0.052]);

const bubble = (x, y) => Math.min(roundedRect(x, y, BUBBLE), triangle(x, y, TAIL));
const dots = (x, y) => Math.min(...DOTS.map(([cx, cy, r]) => circle(x, y, cx, cy, r)));
/** The glyph alone: the bubble with its dots cut out. */
const glyph = (x, y) => Math.max(bubble(x, y), -dots(x, y));

const TOP_COLOUR = [59, 130, 246];
const BOTTOM_COLOUR = [29, 78, 216];

function rasterise(size, paint) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const [r, g, b, a] = paint((px + 0.5) / size, (py + 0.5) / size, size);
      const i = (py * size + px) * 4;
      rgba[i] = Math.round(r);
      rgba[i + 1] = Math.round(g);
      rgba[i + 2] = Math.round(b);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

const coverage = (distance, size) => clamp01(0.5 - distance * size);

/** The full-colour app icon, size × size RGBA. */
export function appIcon(size) {
  return rasterise(size, (x, y) => {
    const tile = coverage(roundedRect(x, y, TILE), size);
    if (tile === 0) return [0, 0, 0, 0];
    const t = clamp01((y - TILE.top) / (TILE.bottom - TILE.top));
    const back = TOP_COLOUR.map((c, k) => c + (BOTTOM_COLOUR[k] - c) * t);
    const white = coverage(glyph(x, y), size);
    const colour = back.map((c) => c + (255 - c) * white);
    return [...colour, tile];
  });
}

/**
 * The glyph alone in one colour, for tray and menu-bar icons (it fills the image, with a small
 * margin; macOS template images are black with alpha and tinted by the system).
 */
export function trayGlyph(size, [r, g, b]) {
  const scale = 0.62;
  const offsetX = (BUBBLE.left + BUBBLE.right) / 2 - 0.5 * scale;
  const offsetY = (BUBBLE.top + TAIL[2][1]) / 2 - 0.5 * scale;
  return rasterise(size, (x, y) => {
    const d = glyph(offsetX + x * scale, offsetY + y * scale) / scale;
    return [r, g, b, coverage(d, size)];
  });
}
