export type ServiceType = 'kafka' | 'rabbitmq';
export type Dataset = 'kafka.log' | 'rabbitmq.log';

export const DATASET_OF: Readonly<Record<ServiceType, Dataset>> = { kafka: 'kafka.log', rabbitmq: 'rabbitmq.log' };
