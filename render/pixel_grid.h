// Vertex positions on a fixed grid of 1/64 pixel, so that what ImGui draws
// lands on the same pixels on every x86-64 processor.
//
// Why: ImGui 1.86 computes the normals of anti-aliased fills and strokes with
// the SSE instruction RSQRTSS (ImRsqrt in imgui_internal.h, on by default on
// x86-64). The architecture defines its result only to 1.5 × 2^-12 relative
// error, and Intel, AMD and emulators return different low bits, so the inner
// and outer edges of a border or an anti-aliased fringe lie a few thousandths
// of a pixel apart from one machine to the next. SDL's software renderer cuts
// every vertex down to a whole pixel ((int)(x * scale) in SDL_render_sw.c). An
// edge meant to lie exactly on a pixel boundary (the bottom line of a 2 px
// border around a field from y = 501.5 to 609.5 is drawn between y = 606 and
// 610) therefore falls on one side of the boundary on one machine and on the
// other side elsewhere, and a whole row of the picture moves by one pixel.
//
// Rounding every position to 1/64 pixel before the renderer sees it removes
// that noise (it stays below 1/128 pixel: at most a few thousandths for our
// borders of up to 6 px), so geometry meant to lie on whole, half or quarter
// pixels draws the same everywhere. A 1/64-pixel shift is invisible: the
// renderer drops the fraction anyway. Curved outlines at arbitrary fractions
// keep a small chance that one vertex of an arc lands within the noise of a
// rounding boundary; that moves a few pixels at most.
//
// Not thread-safe: call on the UI thread, between ImGui::Render() and handing
// the draw data to the renderer backend.
#pragma once

#include <imgui.h>

namespace ih::render {

// Grid steps per pixel. A power of two, so every step is exact in float for
// any coordinate a screen has.
inline constexpr float kSubpixelSteps = 64.0f;

// Rounds the position of every vertex in `data` to the nearest 1/kSubpixelSteps
// of a pixel. Texture coordinates and colours stay as they are. Running it
// twice changes nothing more.
void snap_to_subpixel_grid(ImDrawData& data);

}  // namespace ih::render
