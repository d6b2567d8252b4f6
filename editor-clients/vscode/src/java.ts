import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The oldest Java the server runs on (Lucene 10 needs 21). */
export const MIN_JAVA = 21;

export interface JavaFound {
  java: string;
  version: number;
  origin: string;
}

export interface JavaSearch {
  found?: JavaFound;
  /** One line per candidate that was looked at, e.g. "JAVA_HOME: /usr/lib/jvm/x/bin/java (Java 17)". */
  tried: string[];
}

const exe = process.platform === 'win32' ? 'java.exe' : 'java';

/** A JDK home, a bin folder or a java executable → the java executable. */
export function javaExecutable(p: string): string {
  try {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      const inBin = path.join(p, 'bin', exe);
      return fs.existsSync(inBin) ? inBin : path.join(p, exe);
    }
  } catch {
    // reported as "not found" by the caller
  }
  return p;
}

/** The feature version (17, 21, 25...) of a java executable, from -XshowSettings; undefined when it does not run. */
export function javaVersion(java: string, timeoutMs = 15000): Promise<number | undefined> {
  return new Promise(resolve => {
    cp.execFile(java, ['-XshowSettings:properties', '-version'], { timeout: timeoutMs, windowsHide: true }, (err, stdout, stderr) => {
      const text = `${stdout}\n${stderr}`;
      const m = /java\.specification\.version = (\d+)(?:\.(\d+))?/.exec(text) ?? /version "(\d+)(?:\.(\d+))?/.exec(text);
      if (!m) {
        resolve(err ? undefined : undefined);
        return;
      }
      const major = Number(m[1]);
      resolve(major === 1 && m[2] ? Number(m[2]) : major); // "1.8" → 8
    });
  });
}

function onPath(envPath: string | undefined): string | undefined {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, exe);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // next
    }
  }
  return undefined;
}

/**
 * Looks for a Java 21+ in order: the setting paperlink.java.home, JAVA_HOME, then java on PATH.
 * Every candidate looked at is listed in {@link JavaSearch.tried}, for the error message.
 */
export async function findJava(settingHome: string, env: NodeJS.ProcessEnv = process.env): Promise<JavaSearch> {
  const tried: string[] = [];
  const candidates: Array<{ origin: string; value: string | undefined }> = [
    { origin: 'setting paperlink.java.home', value: settingHome.trim() || undefined },
    { origin: 'JAVA_HOME', value: env.JAVA_HOME?.trim() || undefined },
    { origin: 'PATH', value: onPath(env.PATH) },
  ];
  for (const { origin, value } of candidates) {
    if (!value) {
      tried.push(`${origin}: ${origin === 'PATH' ? 'no java on PATH' : 'not set'}`);
      continue;
    }
    const java = javaExecutable(value);
    if (!fs.existsSync(java)) {
      tried.push(`${origin}: ${java} (not found)`);
      continue;
    }
    const version = await javaVersion(java);
    if (version === undefined) {
      tried.push(`${origin}: ${java} (does not run)`);
    } else if (version < MIN_JAVA) {
      tried.push(`${origin}: ${java} (Java ${version})`);
    } else {
      tried.push(`${origin}: ${java} (Java ${version}, used)`);
      return { found: { java, version, origin }, tried };
    }
  }
  return { tried };
}

/** The message shown when no Java fits: what was tried and how to fix it. */
export function noJavaMessage(search: JavaSearch): string {
  return `PaperLink needs Java ${MIN_JAVA} or newer to run its language server and found none. Tried: ${search.tried.join('; ')}. `
    + `Install a JDK ${MIN_JAVA}+ (for example Eclipse Temurin ${MIN_JAVA}) and set "paperlink.java.home" to its folder (the server starts as soon as the setting changes), or set JAVA_HOME and reload the window.`;
}
