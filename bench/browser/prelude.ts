/**
 * Loaded first by the page (bench/browser/page.ts): Benchmark.js, outside Node, takes lodash and
 * platform.js from the globals `_` and `platform` (its documented browser set-up is one <script> tag
 * each), and reads them the moment it loads. This module sets both before bench/timing.ts imports it.
 */
import _ from 'lodash';
import platform from 'platform';

Object.assign(globalThis, { _, platform });
