// Widgets and key helpers every screen shares, so that reading width, focus
// drawing and key handling look and behave the same on every screen.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "state.h"
#include "words.h"

namespace signaal::app::ui {

// Keys, as screens read them. They report nothing while a text field has the
// keyboard, so typing a name can never answer a question.
enum class Key { Enter, Escape, Space, Tab, Up, Down, Left, Right, F1, F2, F3, N, K, T };
bool pressed(Key k);
bool shift_down();
// 1–9 pressed this frame (top row or keypad), else 0.
int digit_pressed();

// The module text in the learner's language (with the module's fallback).
const std::string& T(const State& s, const Text& t);
const Module* current_module(const State& s);

// Width of a comfortable reading column: about 70 characters, never wider than the window.
float reading_width(const State& s);

// The spoken text of a screen (read aloud, speech/speech.h). While a transcript
// is open, the widgets below add what they draw to it, in drawing order, so
// what is read aloud is what the screen shows and cannot drift from it:
// paragraphs, heading, wrapped, field, text_good / text_bad and numbered
// options (a big_button whose label begins with its number). Secondary lines
// (muted, progress) and action buttons, whose labels name keys, are not spoken.
void begin_transcript(std::vector<std::string>* parts);  // nullptr ends it
void say(const std::string& text);  // text drawn some other way (the highlight passage)
// What is drawn while a Quiet lives is not spoken (the presenter's notes).
struct Quiet {
    Quiet();
    ~Quiet();
    Quiet(const Quiet&) = delete;
    Quiet& operator=(const Quiet&) = delete;
};

// A normalised module text: paragraphs with space between, "- " items as bullets.
void paragraphs(const std::string& text);
void heading(const std::string& text);  // larger, for titles
void wrapped(const std::string& text);  // one wrapped line of interface text
void muted(const std::string& text);    // secondary information

// A progress bar with its label as text above it.
void progress(float share, const std::string& label);
// A full-width button whose label wraps; drawn with a thick outline when it
// has the keyboard focus (`focused`) and filled when `checked`.
// With `scroll_to`, the window scrolls so the button is visible (after the
// keyboard moved the focus, never on its own so the learner can scroll up).
bool big_button(const char* id, const std::string& label, bool focused, bool checked = false, bool checkbox = false,
                bool scroll_to = false);
// Whether the last big_button lies wholly inside the window's visible part: a
// digit key acts only on an option the learner can see (screen_scene.cpp).
bool last_big_button_in_view();
// Whether the rectangle from y0 to y1 (screen coordinates) lies wholly inside
// the current window's visible part.
bool in_view(float y0, float y1);
// An ordinary button at its natural size.
bool button(const std::string& label);
// Before the next button of a row: on this line when `label` still fits, else
// on the next, so a row of buttons wraps at large text sizes instead of running
// off the window.
void same_line_if_fits(const std::string& label);

// The bar at the top of every screen: pause-and-leave, help and support,
// settings, and the notice line. The help panel lists the module's contacts.
Action safety_bar(const State& s, const Words& w);

// One radio button per language the content has (content_languages), each
// named in its own language; returns SetLanguage when one is picked.
Action language_choice(const State& s);

// A line "label: value" in one colour for the label.
void field(const std::string& label, const std::string& value);
// A labelled one-line input. Shows `value`; returns the new text when the user
// edited it this frame (ImGui keeps the text being typed meanwhile).
std::optional<std::string> input_field(const char* label, const char* id, const std::string& value, float label_w,
                                       bool focus = false);

// Colours that follow the theme for good / bad / warning messages.
void text_good(const std::string& t);
void text_bad(const std::string& t);

}  // namespace signaal::app::ui
