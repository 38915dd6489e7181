/** Types of launch.mjs (plain JS so that test/smoke/run.mjs can use it without a TS loader). */
export declare const CHROMIUM: string;
export declare const FIREFOX: string;
export declare const WEBKIT_DRIVER: string;
export declare const XVFB: string;
export type BrowserName = 'chromium' | 'firefox' | 'webkit';
export declare const BROWSERS: Record<BrowserName, { needs(): string[]; apt: string }>;
export declare function miniBrowser(): string | null;
export declare function browserMissing(name: BrowserName): string | null;
export interface Session {
  version: string;
  goto(url: string): Promise<void>;
  evaluate<T>(fn: () => T): Promise<T>;
  close(): Promise<void>;
}
export declare function launchFirefox(): Promise<Session>;
export declare function launchWebKit(jsc?: Record<string, string>): Promise<Session>;
