/**
 * The region and account of ARNs that exist only once deployed (target groups, certificates lbkit
 * requests from ACM): the local proxy names them with these stand-ins in its access log.
 */
export const LOCAL_ARN_REGION = 'local';
export const LOCAL_ARN_ACCOUNT = '000000000000';
