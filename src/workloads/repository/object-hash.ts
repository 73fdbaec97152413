// Git object ids: SHA-1 over `blob <size>\0` followed by the content, exactly as `git hash-object` computes.
import { createHash } from 'node:crypto';

/**
 * The git object id (SHA-1, hex) of a blob with this content, as `git hash-object` prints it.
 *
 * @param content - file content
 * @public
 */
export function gitBlobId(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${String(content.byteLength)}\0`).update(content).digest('hex');
}
