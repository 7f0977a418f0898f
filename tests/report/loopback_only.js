// Preloaded into the LRS under test (node -r): its server calls listen(port),
// which binds every interface; tests listen on 127.0.0.1 only, so a port given
// without a host gets the loopback address.
const net = require("net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && typeof args[1] !== "string") args.splice(1, 0, "127.0.0.1");
  return listen.apply(this, args);
};
