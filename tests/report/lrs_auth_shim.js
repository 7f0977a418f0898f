// Preloaded into the LRS under test (node -r): Learning Locker's test
// authentication takes any Authorization header, and refuses only its own
// "Basic missing_token". So a header other than SIGNAAL_LRS_AUTH (the test's
// one user) is swapped for that token here, and the refusal comes from the
// LRS's own code.
const http = require("http");
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if (event === "request" && process.env.SIGNAAL_LRS_AUTH && req.headers.authorization !== process.env.SIGNAAL_LRS_AUTH)
    req.headers.authorization = "Basic missing_token";
  return emit.call(this, event, req, ...rest);
};
