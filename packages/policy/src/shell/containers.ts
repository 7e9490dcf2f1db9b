/**
 * docker / podman / nerdctl: the registry of every image pulled, run, created, built from,
 * pushed or logged in to is a package-registry destination (`shell.registries`); a bare name is
 * Docker Hub (`registry-1.docker.io`, the host docker contacts), also for `run`/`create`, which
 * pull a missing image. A remote daemon (`-H`, `DOCKER_HOST`) is a destination.
 */
import { addHost, addUrl, type TCmdInput } from "./net-commands.js";
import { hasScheme } from "./words.js";

/** Container CLIs analyzed here. */
export const CONTAINER_CLIS = new Set(["docker", "podman", "nerdctl"]);

const DOCKER_HUB = "registry-1.docker.io";
const HOSTNAME = /^([a-z0-9-]+(\.[a-z0-9-]+)+|localhost|\[[0-9a-f:]+\])(:\d+)?$|^[a-z0-9-]+:\d+$/i;
const GLOBAL_VALUE = new Set(["-H", "--host", "--url", "-c", "--context", "--config", "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey", "--identity", "--connection", "--root", "--runroot", "--storage-driver", "--namespace", "-n", "--address", "-a", "--cgroup-manager", "--events-backend"]);
const BOOL = new Set(["--rm", "--detach", "--interactive", "--tty", "--privileged", "--init", "--publish-all", "--read-only", "--no-healthcheck", "--oom-kill-disable", "--disable-content-trust", "--quiet", "--help", "--push", "--load", "--pull", "--no-cache", "--rmi", "--replace", "--all-tags", "--force-rm", "--squash", "--compress", "--password-stdin", "--use-api-socket", "--sig-proxy"]);
// Short options taking a value: run/create (`-e`, `-v`, `-p` …) and build (`-t` tag, `-f` file, `-o` output).
const RUN_SHORT_VALUE = new Set("acehlmpuvw".split("").map((c) => `-${c}`));
const BUILD_SHORT_VALUE = new Set(["-t", "-f", "-o"]);

/** The registry an image reference is pulled from or pushed to (`"dynamic"` when the reference is computed); undefined for local transports. */
export function imageRegistry(ref: string): string | undefined {
  if (/[$`]/.test(ref)) return "dynamic";
  const r = ref.replace(/^docker:\/\//, "");
  if (/^(oci|oci-archive|docker-archive|containers-storage|dir|docker-daemon|sha256):/.test(r)) return undefined;
  const first = r.split("/")[0] ?? "";
  if (!r.includes("/") || !HOSTNAME.test(first)) return DOCKER_HUB;

  return /^(docker\.io|index\.docker\.io)$/i.test(first) ? DOCKER_HUB : first;
}

function registryFinding(inp: TCmdInput, ref: string, what: string): void {
  const host = imageRegistry(ref);
  if (host === "dynamic") inp.out.push({ type: "unknown", via: inp.via, detail: `the image of \`${inp.name} ${what}\` is computed at run time, so its registry cannot be checked` });
  // An image pushed is published: its registry must be in shell.publish
  else if (host !== undefined) addHost(inp, host, { scheme: "https", port: 443, purpose: what === "push" ? "publish" : "registry" });
  // ghcr.io/<owner>/… is a GitHub owner: a push there is a write to that owner.
  const ghcr = /^ghcr\.io\/([^/]+)\//i.exec(ref);
  if (what === "push" && ghcr?.[1]) inp.out.push({ type: "owner", owner: ghcr[1].toLowerCase(), host: "github.com", via: inp.via });
}

/** Options and operands of a subcommand: `--x=y`, known flags, bundled short flags; other options take a value. */
function parseArgs(args: readonly string[], shortValue: ReadonlySet<string>): { operands: { text: string; at: number }[]; options: { flag: string; value: string }[] } {
  const operands: { text: string; at: number }[] = [];
  const options: { flag: string; value: string }[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") {
      for (let k = i + 1; k < args.length; k++) operands.push({ text: args[k] ?? "", at: k });
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq !== -1) options.push({ flag: a.slice(0, eq), value: a.slice(eq + 1) });
      else if (BOOL.has(a)) options.push({ flag: a, value: "" });
      else options.push({ flag: a, value: args[++i] ?? "" });
    } else if (a.startsWith("-") && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const f = `-${a[k] ?? ""}`;
        if (shortValue.has(f)) {
          options.push({ flag: f, value: k + 1 < a.length ? a.slice(k + 1) : (args[++i] ?? "") });
          break;
        }
        options.push({ flag: f, value: "" });
      }
    } else {
      operands.push({ text: a, at: i });
    }
  }

  return { operands, options };
}

/** docker/podman/nerdctl subcommands that reach a registry or a daemon elsewhere. */
export function analyzeContainerCli(inp: TCmdInput): void {
  for (const k of ["DOCKER_HOST", "CONTAINER_HOST"]) {
    const v = inp.env.get(k);
    if (v !== undefined && v !== "" && !/^(unix|npipe):/.test(v)) addUrl(inp, hasScheme(v) ? v : `tcp://${v}`);
  }
  let i = 0;
  for (; i < inp.args.length; i++) {
    const a = inp.args[i] ?? "";
    if (!a.startsWith("-")) break;
    const eq = a.indexOf("=");
    const flag = eq === -1 ? a : a.slice(0, eq);
    const value = eq !== -1 ? a.slice(eq + 1) : GLOBAL_VALUE.has(a) ? (inp.args[++i] ?? "") : "";
    if ((flag === "-H" || flag === "--host" || flag === "--url") && !/^(unix|npipe):/.test(value)) addUrl(inp, hasScheme(value) ? value : `tcp://${value}`);
  }
  let sub = inp.args[i] ?? "";
  let rest = inp.args.slice(i + 1);
  // Management commands: `image pull`, `container run`, `builder build`, `buildx build`.
  if (/^(image|container|builder|buildx)$/.test(sub) && rest[0] !== undefined) {
    sub = rest[0] === "b" ? "build" : rest[0];
    rest = rest.slice(1);
  }
  if (sub === "manifest" || sub === "imagetools") {
    rest = rest.slice(1);
    sub = "refs";
  }
  const runLike = sub === "run" || sub === "create";
  // For run/create, the first operand is the image and what follows is the container's command.
  const imageAt = runLike ? firstOperandIndex(rest) : -1;
  const { operands, options } = parseArgs(runLike && imageAt !== -1 ? rest.slice(0, imageAt + 1) : rest, sub === "build" || sub === "refs" ? BUILD_SHORT_VALUE : RUN_SHORT_VALUE);
  const opt = (...flags: string[]): string[] => options.filter((o) => flags.includes(o.flag)).map((o) => o.value);
  if (sub === "pull" || sub === "push") {
    for (const o of operands.slice(0, 1)) registryFinding(inp, o.text, sub);
    if (operands.length === 0) inp.out.push({ type: "unknown", via: inp.via, detail: `\`${inp.name} ${sub}\` without an image` });
  } else if (runLike) {
    const pull = opt("--pull")[0] ?? "";
    const image = operands[0]?.text;
    if (image === undefined) inp.out.push({ type: "unknown", via: inp.via, detail: `the image of \`${inp.name} ${sub}\` cannot be found among its options` });
    else if (pull !== "never") registryFinding(inp, image, sub);
  } else if (sub === "login") {
    const server = operands[0]?.text;
    if (server === undefined) addHost(inp, DOCKER_HUB, { scheme: "https", port: 443, purpose: "registry" });
    else if (hasScheme(server)) addUrl(inp, server, "registry");
    else addHost(inp, server.split("/")[0] ?? server, { scheme: "https", port: 443, purpose: "registry" });
  } else if (sub === "build") {
    const outputs = opt("--output", "-o");
    const pushes = options.some((o) => o.flag === "--push") || outputs.some((v) => /type=registry|push=true/.test(v));
    if (pushes) for (const t of [...opt("-t", "--tag"), ...outputs.flatMap((v) => /(?:^|,)name=([^,]+)/.exec(v)?.[1]?.split(/[;]/) ?? [])]) registryFinding(inp, t, "push");
    for (const v of [...opt("--cache-to"), ...opt("--cache-from")]) {
      const ref = /(?:^|,)ref=([^,]+)/.exec(v)?.[1] ?? (v.includes("=") ? undefined : v);
      if (ref !== undefined) registryFinding(inp, ref, "build");
    }
    for (const v of opt("--build-context")) {
      const src = v.slice(v.indexOf("=") + 1);
      if (src.startsWith("docker-image://")) registryFinding(inp, src.slice(15), "build");
      else if (hasScheme(src)) addUrl(inp, src);
    }
    const context = operands[0]?.text ?? "";
    if (hasScheme(context)) addUrl(inp, context);
    else if (/^[^@/:]+@[^:/]+:/.test(context)) addHost(inp, context.slice(context.indexOf("@") + 1, context.indexOf(":")), { scheme: "ssh", port: 22 });
  } else if (sub === "bake" && (options.some((o) => o.flag === "--push") || opt("--set").some((v) => /output=.*(registry|push=true)/.test(v)))) {
    inp.out.push({ type: "unknown", via: inp.via, detail: "`buildx bake --push` pushes to registries named in a bake file, which cannot be checked" });
  } else if (sub === "refs") {
    for (const o of operands) registryFinding(inp, o.text, "manifest");
    for (const t of opt("-t", "--tag")) registryFinding(inp, t, "push");
  } else if (sub === "context" && /^(create|update)$/.test(rest[0] ?? "")) {
    for (const v of opt("--docker")) {
      const host = /(?:^|,)host=([^,]+)/.exec(v)?.[1];
      if (host !== undefined && !/^(unix|npipe):/.test(host)) addUrl(inp, host);
    }
  }
}

/** Index of the first operand of `docker run`'s arguments (the image), skipping options and their values. */
function firstOperandIndex(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") return i + 1 < args.length ? i + 1 : -1;
    if (a.startsWith("--")) {
      if (!a.includes("=") && !BOOL.has(a)) i++;
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const f = `-${a[k] ?? ""}`;
        if (RUN_SHORT_VALUE.has(f)) {
          if (k + 1 === a.length) i++;
          break;
        }
      }
      continue;
    }
    return i;
  }

  return -1;
}
