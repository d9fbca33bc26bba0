#!/usr/bin/env python3
# Run from solutions/02-apiserver after `fetch`ing github:kubernetes/api and github:kubernetes/apimachinery
# (their mirrors are read with git at TAG); writes the result to stdout: redirect it to
# src/main/resources/io/minik8s/apiserver/protobuf/jsontags.txt when the vendored protos change.
# Generates jsontags.txt: for each protobuf field of the vendored messages, how Go's encoding/json
# renders it (json name, omitempty, pointer, inline), read from the Go struct tags of types*.go.
import re, subprocess, sys
API = "/work/.mirror/kubernetes+api/repo"
AM = "/work/.mirror/kubernetes+apimachinery/repo"
TAG = "v0.33.9"
srcs = [(API, d, "k8s.io.api." + d.replace("/", ".")) for d in
        ["core/v1","apps/v1","batch/v1","coordination/v1","rbac/v1","authentication/v1","authorization/v1","policy/v1","autoscaling/v1"]]
srcs += [(AM, "pkg/apis/meta/v1", "k8s.io.apimachinery.pkg.apis.meta.v1")]
out = []
for repo, d, pkg in srcs:
    files = subprocess.run(["git","-C",repo,"ls-tree","--name-only",TAG,d+"/"],capture_output=True,text=True).stdout.split()
    for f in files:
        if not f.endswith(".go") or f.endswith("_test.go") or "generated" in f: continue
        src = subprocess.run(["git","-C",repo,"show",TAG+":"+f],capture_output=True,text=True).stdout
        struct = None
        for line in src.split("\n"):
            m = re.match(r"^type (\w+) struct \{", line)
            if m: struct = m.group(1); continue
            if line.startswith("}"): struct = None; continue
            if struct is None: continue
            if line.strip().startswith("//"): continue
            m = re.match(r'^\s*([^`]*?)\s*`(.*)`', line)
            if not m or 'protobuf:"' not in m.group(2): continue
            decl = m.group(1).split()
            tags = m.group(2)
            pb = re.search(r'protobuf:"([^"]*)"', tags).group(1).split(",")
            if len(pb) < 2: print("SKIP", struct, line, file=sys.stderr); continue
            num = pb[1]
            js = re.search(r'json:"([^"]*)"', tags)
            jparts = js.group(1).split(",") if js else [""]
            gotype = decl[1] if len(decl) >= 2 else decl[0]
            flags = []
            if jparts[0] == "" and "inline" in jparts: flags.append("inline")
            if "omitempty" in jparts: flags.append("omitempty")
            if gotype.startswith("*"): flags.append("pointer")
            name = jparts[0] if jparts[0] else "-"
            # the file lists only fields that differ from the default "non-pointer, omitempty"
            if "inline" in flags:
                out.append(f"{pkg}.{struct} {num} inline")
            elif "pointer" in flags:
                out.append(f"{pkg}.{struct} {num} pointer")
            elif "omitempty" not in flags:
                out.append(f"{pkg}.{struct} {num} zero")
HEADER = open(__file__.replace("tools/gen_protobuf_jsontags.py",
    "src/main/resources/io/minik8s/apiserver/protobuf/jsontags.txt")).read().split("\n")
print("\n".join(line for line in HEADER if line.startswith("#")))
print("\n".join(out))
