// The output folder named on a build script's command line.
import { describe, expect, test } from "bun:test";
import { buildScriptOutput } from "./buildScriptOutput.ts";

describe("buildScriptOutput", () => {
  test("vite build --outDir, with a space, an equals sign or quotes", () => {
    expect(buildScriptOutput("vite-react", "tsc -b && vite build --outDir build")).toBe("build");
    expect(buildScriptOutput("vite", "vite build --mode production --outDir=./public_html/")).toBe("public_html");
    expect(buildScriptOutput("vite-vue", "vite build --outDir 'web root'")).toBe("web root");
  });
  test("Create React App's BUILD_PATH before react-scripts build", () => {
    expect(buildScriptOutput("create-react-app", "BUILD_PATH='./dist' react-scripts build")).toBe("dist");
    expect(buildScriptOutput("create-react-app", "GENERATE_SOURCEMAP=false BUILD_PATH=www react-scripts build")).toBe(
      "www",
    );
  });
  test("vue-cli-service build --dest and ng build --output-path", () => {
    expect(buildScriptOutput("vue-cli", "vue-cli-service build --dest ../server/public")).toBe("../server/public");
    expect(buildScriptOutput("angular", "ng build --configuration production --output-path=out")).toBe("out");
  });
  test("nothing when the script does not move the output, or the flag belongs to another tool", () => {
    expect(buildScriptOutput("vite-react", "tsc -b && vite build")).toBeUndefined();
    expect(buildScriptOutput("create-react-app", "react-scripts build")).toBeUndefined();
    expect(buildScriptOutput("vite", "BUILD_PATH=x vite build")).toBeUndefined();
    expect(buildScriptOutput("vite", undefined)).toBeUndefined();
  });
});
