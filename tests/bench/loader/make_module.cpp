#include "make_module.h"

#include <sstream>

namespace bench {

namespace {
std::string t(const std::string& s) { return "<nl>" + s + " (nl)</nl><en>" + s + "</en>"; }
}  // namespace

std::string make_module(int n) {
    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<module format=\"1\" id=\"bench-" << n << "\" version=\"1\" minutes=\"5\" pass-mark=\"60\" start=\"s0\">\n"
      << "<title>" << t("Bench") << "</title><audience>" << t("Bench") << "</audience>"
      << "<content-note>" << t("Generated") << "</content-note>\n"
      << "<support><contact><label>" << t("Police") << "</label><detail>" << t("112") << "</detail></contact></support>\n"
      << "<signals><signal id=\"sig\"><label>" << t("Signal") << "</label></signal></signals>\n"
      << "<variables><var id=\"seen\" type=\"int\"/></variables>\n";
    for (int i = 0; i < n; ++i) {
        const std::string id = "s" + std::to_string(i);
        const std::string next = i + 1 < n ? "s" + std::to_string(i + 1) : "";
        o << "<scene id=\"" << id << "\"><text>" << t("Scene text number " + std::to_string(i) + " with some words in it.")
          << "</text>\n";
        if (i + 1 == n) {
            o << "<ending outcome=\"good\"/></scene>\n";
            continue;
        }
        switch (i % 4) {
            case 0:
            case 1:
                o << "<choices>"
                  << "<choice id=\"a\" target=\"" << next << "\" points=\"2\" tests=\"sig\" set=\"seen+=1\"><label>" << t("Act")
                  << "</label><feedback>" << t("Good") << "</feedback></choice>"
                  << "<choice id=\"b\" target=\"" << next << "\" points=\"0\" tests=\"sig\" when=\"seen &gt;= 0\"><label>"
                  << t("Look away") << "</label><feedback>" << t("Not good") << "</feedback></choice>"
                  << "</choices></scene>\n";
                break;
            case 2:
                o << "<select target=\"" << next << "\"><prompt>" << t("Which?") << "</prompt>"
                  << "<option id=\"x\" correct=\"true\" signals=\"sig\"><label>" << t("Yes") << "</label><feedback>" << t("Right")
                  << "</feedback></option><option id=\"y\"><label>" << t("No") << "</label><feedback>" << t("Wrong")
                  << "</feedback></option></select></scene>\n";
                break;
            default:
                o << "<highlight><passage><nl>Zin <mark ref=\"m1\">verdacht</mark> en <mark ref=\"m2\">niet</mark>.</nl>"
                  << "<en>Phrase <mark ref=\"m1\">suspicious</mark> and <mark ref=\"m2\">not</mark>.</en></passage>"
                  << "<target id=\"m1\" suspicious=\"true\" signals=\"sig\"><feedback>" << t("Yes") << "</feedback></target>"
                  << "<target id=\"m2\"><feedback>" << t("No") << "</feedback></target>"
                  << "<route target=\"" << next << "\" when=\"seen &gt;= 1\"/><route target=\"" << next << "\"/>"
                  << "</highlight></scene>\n";
        }
    }
    o << "</module>\n";
    return o.str();
}

}  // namespace bench
