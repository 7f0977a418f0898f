// `signaal` when built without the window (SIGNAAL_GUI=OFF): the terminal player only.
#include <CLI/CLI.hpp>

#include <iostream>

#include "text_player.h"
#include "platform.h"

int main(int argc, char** argv) {
    signaal::platform::Args args(argc, argv);  // UTF-8 arguments and console on every OS
    signaal::TextOptions o;
    bool text = false;
    CLI::App app{"Signaal: scenario training player (terminal only in this build)"};
    app.add_flag("--text", text, "Play in the terminal (the only mode of this build)");
    app.add_option("module", o.module, "Module file or module id (none: choose from the catalogue)");
    signaal::add_text_options(app, o);
    CLI11_PARSE(app, args.argc(), args.argv());
    return signaal::run_text_player(o, std::cin, std::cout, std::cerr, signaal::platform::stdin_is_terminal());
}
