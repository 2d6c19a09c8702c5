export { parseNoProxy, type NoProxyRules } from './noProxy';
export { parseProxyUrl, ProxyConfigError, type ParsedProxy } from './proxyUrl';
export { describeRoute, maskProxyUrl, proxyUserinfo } from './maskProxy';
export { proxyDecision, resolveProxy, type ProcessEnv, type ProxyDecision, type ProxySettings } from './resolveProxy';
export { networkOptionsFor } from './networkOptions';
export { networkOptionsForEnvironments, type SharedProxySettings } from './environmentsNetworkOptions';
export { loadProxyCa } from './loadProxyCa';
