import * as ts from 'typescript';

/**
 * Compiler hosts that share parsed declaration files (.d.ts) between programs, as the module-resolution
 * test builds four programs over the same 1,100-odd declarations (aws-cdk-lib's, cdktf's, the
 * provider's), one per moduleResolution: parsing and binding them is most of each program's time.
 *
 * A declaration file's syntax tree depends on the language version and on its implied module format
 * (CommonJS or ESM, which node16/nodenext read from package.json), both part of the key; module
 * detection cannot make a declaration file a module (only its own imports and exports do) under any
 * of the modes, and binding reads no module option. The programs resolve modules themselves (TypeScript
 * keeps resolutions on the program, not on the file), so each mode still resolves every import its way.
 * The test's own files are parsed afresh for every program.
 */
export class DeclarationCache {
  private readonly files = new Map<string, ts.SourceFile>();

  public host(options: ts.CompilerOptions): ts.CompilerHost {
    const host = ts.createCompilerHost(options);
    const parse = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
      if (!fileName.endsWith('.d.ts')) return parse(fileName, languageVersionOrOptions, onError, shouldCreate);
      const o = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
      const key = JSON.stringify([fileName, o.languageVersion, o.impliedNodeFormat ?? null, o.jsDocParsingMode ?? null]);
      let file = this.files.get(key);
      if (!file) {
        file = parse(fileName, languageVersionOrOptions, onError, shouldCreate);
        if (file) this.files.set(key, file);
      }
      return file;
    };
    return host;
  }
}
