import { LbkitConfigError } from './errors';
import { compareText, ConditionsModel, HeaderConditionModel, QueryStringPairModel } from '../core/model/load-balancer-model';

type MutableConditions = { -readonly [K in keyof ConditionsModel]: ConditionsModel[K] };
type ValueField = 'hostHeaders' | 'pathPatterns' | 'httpRequestMethods' | 'sourceIps';

/**
 * Collects a rule's conditions as both engines write them. The model holds one condition of
 * each kind (values ORed), except http-header (one per header name); a second condition of
 * the same kind would be ANDed, which the model cannot hold, so it is an error.
 */
export class ConditionsBuilder {
  private readonly c: MutableConditions = {};
  private readonly headers: HeaderConditionModel[] = [];

  constructor(private readonly where: string) {}

  public values(field: ValueField, values: string[]): void {
    this.once(field);
    this.c[field] = values;
  }

  public header(name: string, values: string[]): void {
    if (this.headers.some((h) => h.name.toLowerCase() === name.toLowerCase())) {
      throw new LbkitConfigError(`${this.where}: two http-header conditions on ${name}; lbkit reads one condition per header`);
    }
    this.headers.push({ name, values });
  }

  public queryStrings(pairs: QueryStringPairModel[]): void {
    this.once('queryStrings');
    this.c.queryStrings = pairs;
  }

  public build(): ConditionsModel {
    if (this.headers.length > 0) {
      this.c.httpHeaders = [...this.headers].sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()));
    }
    return this.c;
  }

  private once(field: keyof ConditionsModel): void {
    if (this.c[field] !== undefined) {
      throw new LbkitConfigError(`${this.where}: two ${field} conditions; lbkit reads one condition of each kind (values within it are ORed)`);
    }
  }
}

/** Condition field names as AWS spells them (CloudFormation Field, Terraform block names use underscores). */
export const CONDITION_FIELDS: Record<string, ValueField> = {
  'host-header': 'hostHeaders',
  'path-pattern': 'pathPatterns',
  'http-request-method': 'httpRequestMethods',
  'source-ip': 'sourceIps',
};
