#include "phone_page.h"

#include "render.h"  // html_escape, as the trainer's HTML report escapes
#include "translate.h"

namespace signaal {

using report::html_escape;

namespace {

// Big touch targets, readable in sunlight, one column on any width.
const char* kStyle =
    "body{font-family:sans-serif;margin:0;padding:1em;background:#fff;color:#111;font-size:18px;line-height:1.4}"
    "h1{font-size:1.2em;margin:0 0 .6em}p{margin:.4em 0}"
    "label{display:block;border:2px solid #345;border-radius:8px;padding:.8em;margin:.5em 0;background:#f4f6fa}"
    "input[type=radio],input[type=checkbox]{transform:scale(1.6);margin-right:.8em}"
    "button{width:100%;font-size:1.1em;padding:.8em;margin-top:.6em;border:0;border-radius:8px;background:#1a4d8f;color:#fff}"
    ".note{background:#e8f4e8;border-left:6px solid #2a7a2a;padding:.6em}.muted{color:#555;font-size:.9em}";

// ES3-era JavaScript on purpose: old phone browsers run it. The vote goes out
// without a page load; the page reloads itself when the question changes.
const char* kScript =
    "(function(){var f=document.getElementById('v');var s=document.getElementById('s');"
    "var key=document.body.getAttribute('data-key');var open=document.body.getAttribute('data-open');"
    "if(f){f.onsubmit=function(){var d=[];var e=f.elements;"
    "for(var i=0;i<e.length;i++){var x=e[i];if(!x.name||((x.type=='radio'||x.type=='checkbox')&&!x.checked))continue;"
    "d.push(encodeURIComponent(x.name)+'='+encodeURIComponent(x.value));}d.push('js=1');"
    "var r=new XMLHttpRequest();r.open('POST','vote',true);r.setRequestHeader('Content-Type','application/x-www-form-urlencoded');"
    "r.onreadystatechange=function(){if(r.readyState!=4)return;var m;try{m=JSON.parse(r.responseText).message}catch(z){m=''}"
    "s.className='note';s.textContent=m||('HTTP '+r.status);};r.send(d.join('&'));return false;};}"
    "setInterval(function(){var r=new XMLHttpRequest();r.open('GET','q?t='+encodeURIComponent(document.body.getAttribute('data-t')),true);"
    "r.onreadystatechange=function(){if(r.readyState!=4||r.status!=200)return;try{var q=JSON.parse(r.responseText);"
    "if(q.key!=key||String(q.open)!=open)location.reload();}catch(z){}};r.send();},3000);})();";

std::string head(const std::string& lang, const Words& w) {
    return "<!DOCTYPE html><html lang=\"" + html_escape(lang) +
           "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
           "<title>" + std::string(w("Signaal \xE2\x80\x93 stemmen", "Signaal \xE2\x80\x93 vote")) + "</title><style>" + kStyle + "</style></head>";
}

}  // namespace

std::string phone_page(const nlohmann::json& q, const std::string& token, const std::string& lang,
                       const std::string& notice) {
    const Words w{lang};
    const bool open = q.value("open", false);
    const std::string key = q.value("key", "");
    std::string html = head(lang, w);
    html += "<body data-key=\"" + html_escape(key) + "\" data-open=\"" + (open ? "true" : "false") + "\" data-t=\"" + html_escape(token) + "\">";
    html += "<h1>" + std::string(w("Stemmen in de klas", "Class vote")) + "</h1>";
    html += "<p class=\"muted\">" + std::string(w("Anoniem: alleen het aantal stemmen wordt bewaard, geen namen.",
                                                  "Anonymous: only the number of votes is kept, no names.")) + "</p>";
    html += "<p id=\"s\"" + std::string(notice.empty() ? "" : " class=\"note\"") + ">" + html_escape(notice) + "</p>";
    if (key.empty()) {
        html += "<p>" + std::string(w("Wacht op de volgende vraag. Deze pagina ververst zichzelf.",
                                      "Wait for the next question. This page refreshes itself.")) + "</p>";
    } else if (!open) {
        html += "<p>" + std::string(w("Het stemmen over deze vraag is gesloten. Kijk naar het scherm voorin.",
                                      "Voting on this question is closed. Look at the screen at the front.")) + "</p>";
    } else {
        const bool one = q.value("kind", "") == "choice";
        html += "<p><strong>" + html_escape(q.value("prompt", "")) + "</strong></p>";
        html += "<p class=\"muted\">" + std::string(one ? w("Kies \xC3\xA9\xC3\xA9n antwoord.", "Choose one answer.")
                                                        : w("Kies alles wat je ziet (of niets).", "Choose everything you see (or nothing).")) + "</p>";
        html += "<form id=\"v\" method=\"post\" action=\"vote\"><input type=\"hidden\" name=\"t\" value=\"" + html_escape(token) +
                "\"><input type=\"hidden\" name=\"q\" value=\"" + html_escape(key) + "\">";
        const nlohmann::json mine = q.value("mine", nlohmann::json::array());
        int n = 0;
        for (const auto& o : q["options"]) {
            const std::string id = o.value("id", "");
            bool checked = false;
            for (const auto& m : mine) checked = checked || m == id;
            html += "<label><input type=\"" + std::string(one ? "radio" : "checkbox") + "\" name=\"o\" value=\"" + html_escape(id) + "\"" +
                    (checked ? " checked" : "") + ">" + std::to_string(++n) + ". " + html_escape(o.value("label", "")) + "</label>";
        }
        html += "<button type=\"submit\">" + std::string(w("Stem", "Vote")) + "</button></form>";
        html += "<p class=\"muted\">" + std::string(w("Je kunt je stem veranderen tot de docent het stemmen sluit.",
                                                      "You can change your vote until the teacher closes voting.")) + "</p>";
    }
    html += "<script>" + std::string(kScript) + "</script></body></html>";
    return html;
}

std::string phone_message_page(const std::string& code, const std::string& lang, const std::string& message) {
    const Words w{lang};
    return head(lang, w) + "<body><p class=\"note\">" + html_escape(message) + "</p><p><a href=\"/" + html_escape(code) + "/\">" +
           w("Terug naar de vraag", "Back to the question") + "</a></p></body></html>";
}

}  // namespace signaal
