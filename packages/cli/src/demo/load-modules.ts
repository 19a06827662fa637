import { UsageError } from '../errors.js';
import type { DemoModules } from './train.js';

/**
 * Loads `@tensorflow/tfjs` (pure JavaScript CPU backend, production mode so tfjs prints no banner) and
 * `@anneal/tfjs`. They are optional peer dependencies of the CLI: only the demo needs them.
 *
 * @throws {@link UsageError} naming what to install when either is missing.
 */
export async function loadDemoModules(): Promise<DemoModules> {
  try {
    const tf = await import('@tensorflow/tfjs');
    const annealTfjs = await import('@anneal/tfjs');
    tf.enableProdMode();
    await tf.setBackend('cpu');
    await tf.ready();
    return { tf, annealTfjs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new UsageError('the demo needs @tensorflow/tfjs (4.x) and @anneal/tfjs: npm install @tensorflow/tfjs @anneal/tfjs');
    }
    throw error;
  }
}
