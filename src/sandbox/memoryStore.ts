/**
 * oidc-provider's storage interface kept in memory, one store per server (oidc-provider's own
 * development adapter is process-global and prints a warning). Holds tokens, registered clients and
 * the ReplayDetection entries that make a client assertion's jti single-use.
 */

type Payload = Record<string, unknown>;

interface Stored {
  payload: Payload;
  /** Epoch milliseconds; undefined = no expiry (clients). */
  expiresAt?: number;
}

/** Adds keys to a stored client's metadata when it is read (the sandbox's organisation JWKS). */
export type ClientMetadataHook = (clientId: string, metadata: Payload) => Promise<Payload>;

/** The jti of a JWT access token this server signed, or undefined (bad signature, not ours). */
export type OwnTokenId = (jwt: string) => Promise<string | undefined>;

/** Token models whose JWT values are looked up by jti (see rememberToken). */
const JWT_TOKEN_MODELS = new Set(['AccessToken', 'ClientCredentials']);

export class MemoryStore {
  private readonly items = new Map<string, Stored>();
  private readonly byGrant = new Map<string, Set<string>>();

  constructor(
    private readonly clientHook?: ClientMetadataHook,
    private readonly ownTokenId?: OwnTokenId,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * oidc-provider stores nothing for JWT access tokens, so introspection cannot find them. The server
   * records each issued one here by jti; `find(jwt)` verifies the JWT is ours and returns that record.
   */
  rememberToken(model: string, jti: string, payload: Payload, expiresInSeconds: number): void {
    this.set(`${model}:${jti}`, payload, expiresInSeconds);
  }

  async findToken(model: string, id: string): Promise<Payload | undefined> {
    if (!JWT_TOKEN_MODELS.has(model) || !this.ownTokenId || id.split('.').length !== 3) return this.get(`${model}:${id}`);
    const jti = await this.ownTokenId(id);
    return jti ? this.get(`${model}:${jti}`) : undefined;
  }

  /** The adapter oidc-provider constructs per model name (`adapter: store.adapterFactory`). */
  readonly adapterFactory = (model: string) => new ModelAdapter(this, model);

  get(key: string): Payload | undefined {
    const item = this.items.get(key);
    if (!item) return undefined;
    if (item.expiresAt !== undefined && item.expiresAt <= this.now()) {
      this.items.delete(key);
      return undefined;
    }
    return item.payload;
  }

  set(key: string, payload: Payload, expiresInSeconds?: number): void {
    this.items.set(key, { payload, expiresAt: expiresInSeconds ? this.now() + expiresInSeconds * 1000 : undefined });
    const grantId = payload.grantId;
    if (typeof grantId === 'string') {
      const keys = this.byGrant.get(grantId) ?? new Set();
      keys.add(key);
      this.byGrant.set(grantId, keys);
    }
  }

  delete(key: string): void {
    this.items.delete(key);
  }

  revokeGrant(grantId: string): void {
    for (const key of this.byGrant.get(grantId) ?? []) this.items.delete(key);
    this.byGrant.delete(grantId);
  }

  findWhere(model: string, field: string, value: unknown): Payload | undefined {
    const prefix = `${model}:`;
    for (const key of this.items.keys()) {
      if (!key.startsWith(prefix)) continue;
      const payload = this.get(key);
      if (payload?.[field] === value) return payload;
    }
    return undefined;
  }

  async decorateClient(id: string, payload: Payload): Promise<Payload> {
    return this.clientHook ? this.clientHook(id, { ...payload }) : payload;
  }
}

class ModelAdapter {
  constructor(
    private readonly store: MemoryStore,
    private readonly model: string,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    this.store.set(this.key(id), payload, expiresIn);
  }

  async find(id: string): Promise<Payload | undefined> {
    const payload = await this.store.findToken(this.model, id);
    if (payload && this.model === 'Client') return this.store.decorateClient(id, payload);
    return payload;
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    return this.store.findWhere(this.model, 'userCode', userCode);
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    return this.store.findWhere(this.model, 'uid', uid);
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    this.store.revokeGrant(grantId);
  }
}
