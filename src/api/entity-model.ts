/**
 * The project's entity model, from the model cache when nothing it was built from has changed
 * (src/entities/model-cache.ts), else built through TypeORM's metadata and cached for the next run.
 */
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { emptyInputs, type RecordedInputs, recordingInputs } from '../config/inputs';
import type { LoadedConfig } from '../config/load';
import { cachingAllowed, type CachedModel, modelCacheFile, modelKey, readCachedModel, writeCachedModel } from '../entities/model-cache';
import { connectExtensionsOf, readEntities } from '../entities/read';
import { noteRun } from '../timings';

async function build(options: DataSourceOptions, inputs: RecordedInputs): Promise<CachedModel> {
  return recordingInputs(inputs, async () => ({ read: await readEntities(options), connectExtensions: await connectExtensionsOf(options) }));
}

/**
 * The model of `loaded`'s entities, built at most once. `inputs` holds what loading the config read;
 * without it (or under a module registry that cannot be listed) nothing is cached. `keep` gives what
 * the caller wants back beside the model on a run that does not evaluate the config (see
 * readCachedProject).
 */
export function entityModelOf(loaded: LoadedConfig, inputs: RecordedInputs | undefined, keep: () => unknown = () => undefined): () => Promise<CachedModel> {
  let model: Promise<CachedModel> | undefined;
  const load = async (): Promise<CachedModel> => {
    const cacheable = inputs !== undefined && cachingAllowed();
    if (!cacheable) {
      noteRun('modelCache', 'off');
      return build(await loaded.withEntities(), inputs ?? emptyInputs());
    }
    const file = modelCacheFile(loaded.configPath);
    const key = modelKey({ configPath: loaded.configPath, options: loaded.declaredOptions, entityFiles: loaded.entityFiles });
    const cached = readCachedModel(file, key);
    if (cached) {
      noteRun('modelCache', 'hit');
      return cached;
    }
    noteRun('modelCache', 'miss');
    const built = await build(await loaded.withEntities(), inputs);
    const globs = { dir: dirname(loaded.configPath), patterns: loaded.entityPatterns, files: loaded.entityFiles };
    writeCachedModel(file, key, { options: loaded.declaredOptions, inputs, globs, project: keep() }, built);
    return built;
  };
  return () => {
    if (!model) {
      model = load();
      // A failed load (a broken entity file) is tried again if asked again, not remembered.
      model.catch(() => (model = undefined));
    }
    return model;
  };
}
