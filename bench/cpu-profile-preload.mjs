// Preloaded into the app server by bench/profile-list.ts (NODE_OPTIONS=--import; Node refuses
// --cpu-prof there): profiles the process from start to exit and writes FACTMARK_PROFILE_DIR/<pid>.cpuprofile.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const session = new inspector.Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.setSamplingInterval", { interval: 200 });
session.post("Profiler.start");
process.on("exit", () => {
  // The in-process session answers synchronously, so this runs to the end inside "exit".
  session.post("Profiler.stop", (error, result) => {
    if (!error)
      fs.writeFileSync(
        path.join(process.env.FACTMARK_PROFILE_DIR, `${process.pid}.cpuprofile`),
        JSON.stringify(result.profile),
      );
  });
});
