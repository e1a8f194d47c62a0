/**
 * Redis keys and channels of Scrawl, built only here. The document name sits inside a
 * hash tag so a document's keys land on one Redis Cluster slot.
 */
export function redisKeys(prefix: string) {
  return {
    /** Stream of a document's updates: fields `t` (server ms) and `u` (update bytes). */
    docLog: (name: string) => `${prefix}:doc:{${name}}:log`,
    /** Hash of a document's folded state: fields `state` and `through` (a stream id). */
    docState: (name: string) => `${prefix}:doc:{${name}}:state`,
    /** Pub/sub channel of a room's RPC traffic between collab-server instances. */
    rpcChannel: (roomId: string) => `${prefix}:rpc:${roomId}`,
    /** Pattern matching every room's RPC channel. */
    rpcPattern: () => `${prefix}:rpc:*`,
    /** Prefix extension-redis uses for its own keys and channels. */
    hocuspocusPrefix: () => `${prefix}:hp`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
