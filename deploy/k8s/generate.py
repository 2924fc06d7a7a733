#!/usr/bin/env python3
"""Writes deploy/k8s/base and overlays (kustomize) from the tables below: one place for the five services, who each
calls, the topics, and the sizes. `python3 deploy/k8s/generate.py` rewrites; `--check` fails when a committed file
differs (npm test's k8s phase). Resource figures: docs/benchmarks.md (per-instance CPU and RSS under the pipeline run)."""
import json, os, sys

ROOT = os.path.dirname(os.path.abspath(__file__))
SERVICES = {
    # name: (calls, consumes Kafka, extra env)
    # intake's old generation capped: under load V8 let it grow to ~2x the ~90 MB live heap (RSS 370 MB; 276 MB capped, docs/benchmarks.md)
    'intake': (['routing'], True, {'ROUTING_URL': 'http://routing:3000', 'ATTACHMENT_DIR': '/var/lib/sunshine/attachments',
                                   'NODE_OPTIONS': '--max-old-space-size=160'}),
    # routing imports Keycloak's login and admin events into its audit trail (KeycloakEventsImporter) with its own
    # client secret (SERVICE_CLIENT_SECRET_FILE); its client alone has realm-management view-events in the realm.
    'routing': ([], True, {'KEYCLOAK_URL': 'http://keycloak:8080', 'KEYCLOAK_REALM': 'sunshine'}),
    'supervision': (['intake', 'routing'], True, {'INTAKE_URL': 'http://intake:3000', 'ROUTING_URL': 'http://routing:3000'}),
    'notification': (['intake'], True, {'INTAKE_URL': 'http://intake:3000'}),
    'evaluation': ([], True, {}),
}
# The topics of libs/contracts/src/topics.ts (TopicSpecs) with the cluster's replication.
TOPICS = [
    ('sunshine.case-log', 12, {'retention.ms': '-1', 'cleanup.policy': 'delete'}),
    ('sunshine.org-directory', 3, {'cleanup.policy': 'compact'}),
    ('sunshine.reference-data', 1, {'cleanup.policy': 'compact'}),
    ('sunshine.alerts', 3, {'retention.ms': str(90 * 24 * 3600 * 1000)}),
    ('sunshine.evaluation', 3, {'retention.ms': str(400 * 24 * 3600 * 1000)}),
]
# The dead-letter topic of each consumer group (deadLetterTopic in libs/contracts): kept for good, 3 partitions.
TOPICS += [(f'sunshine.dlq.{s}', 3, {'retention.ms': '-1'}) for s in ['intake', 'routing', 'supervision', 'notification', 'evaluation']]
PORT = 3000
# The brokers' only client listener: TLS and SASL/SCRAM-SHA-512 (kafka() below).
KAFKA_PORT = 9093
KAFKA_BOOTSTRAP = f'sunshine-kafka-kafka-bootstrap:{KAFKA_PORT}'
AUDIT_ARCHIVE_DIR = '/var/lib/sunshine/audit-archive'
# 身份认证 Keycloak: the address browsers use (the deployment's ingress terminates TLS there: set it per deployment, and
# add the console's origin to the realm's console client), the realm's issuer, and the in-cluster OIDC endpoints.
KEYCLOAK_IMAGE = 'quay.io/keycloak/keycloak:26.5.6'
KEYCLOAK_PUBLIC_URL = 'https://id.sunshine.example.cn'
REALM_ISSUER = f'{KEYCLOAK_PUBLIC_URL}/realms/sunshine'
KEYCLOAK_OIDC = 'http://keycloak:8080/realms/sunshine/protocol/openid-connect'
# The production realm: no demo staff, no password-grant client (tools/keycloak-realm.ts writes both variants).
REALM_FILE = os.path.join(ROOT, '..', 'keycloak', 'sunshine-realm.production.json')
LABEL = 'app.kubernetes.io/name'
PART = 'app.kubernetes.io/part-of'


def y(obj, indent=0):
    """YAML of JSON-compatible data (block style; strings JSON-quoted where needed)."""
    pad = '  ' * indent
    if isinstance(obj, dict):
        if not obj:
            return pad + '{}\n'
        out = ''
        for k, v in obj.items():
            if isinstance(v, (dict, list)) and v:
                out += f'{pad}{k}:\n' + y(v, indent + 1)
            else:
                out += f'{pad}{k}: {scalar(v)}\n'
        return out
    if isinstance(obj, list):
        out = ''
        for v in obj:
            if isinstance(v, (dict, list)) and v:
                inner = y(v, indent + 1)
                out += f'{pad}- ' + inner[len(pad) + 2:]
            else:
                out += f'{pad}- {scalar(v)}\n'
        return out
    return pad + scalar(obj) + '\n'


def scalar(v):
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, (int, float)):
        return str(v)
    if v == {} or v == []:
        return json.dumps(v)
    s = str(v)
    plain = s and all(c.isalnum() or c in '-_./:' for c in s) and not s[0].isdigit() and s not in ('true', 'false', 'null', 'yes', 'no', 'on', 'off')
    return s if plain else json.dumps(s, ensure_ascii=False)


def docs(*objs):
    return '---\n'.join(y(o) for o in objs)


def labels(name):
    return {LABEL: name, PART: 'sunshine'}


def deployment(name, extra_env, consumes):
    # The migration Job (migrate-<service>) applies the migrations before the rollout; replicas never race to.
    env = [{'name': 'PORT', 'value': str(PORT)}, {'name': 'MIGRATIONS', 'value': 'skip'}] + [{'name': k, 'value': v} for k, v in extra_env.items()]
    env += [
        # Its own login role (owner of its schema only, postgres() below); the password secret holds a URL-safe value.
        {'name': 'DB_PASSWORD', 'valueFrom': {'secretKeyRef': {'name': f'sunshine-postgres-{name}', 'key': 'password'}}},
        {'name': 'DATABASE_URL', 'value': f'postgres://sunshine_{name}:$(DB_PASSWORD)@sunshine-postgres-rw:5432/sunshine'},
        # Its own Redis ACL user (redis() below), limited to its keys.
        {'name': 'REDIS_PASSWORD', 'valueFrom': {'secretKeyRef': {'name': f'sunshine-redis-{name}', 'key': 'password'}}},
        {'name': 'REDIS_URL', 'value': f'redis://sunshine-{name}:$(REDIS_PASSWORD)@redis:6379'},
        # Tokens: verified by Keycloak's JWKS (AUTH_JWKS_URL in sunshine-config); for calling other services the
        # client-credentials grant with the service's own client secret (no service holds a signing key).
        {'name': 'SERVICE_CLIENT_SECRET_FILE', 'value': '/etc/sunshine/client/secret'},
        # 消息认证 Kafka: SASL/SCRAM-SHA-512 as its own user sunshine-<service> (KafkaUser in kafka.yaml, its ACLs from
        # deploy/kafka-acls.json), the password from the secret Strimzi's User Operator writes, TLS with the cluster CA.
        {'name': 'KAFKA_SASL_MECHANISM', 'value': 'scram-sha-512'},
        {'name': 'KAFKA_SASL_PASSWORD_FILE', 'value': '/etc/sunshine/kafka/password'},
        {'name': 'KAFKA_SSL', 'value': 'true'},
        {'name': 'KAFKA_SSL_CA_FILE', 'value': '/etc/sunshine/kafka-ca/ca.crt'},
        # 事件签名 Its own Ed25519 event key signs every event it publishes; the services' public keys verify every event
        # consumed (docs/security.md §8). Created by the operators: Secret sunshine-event-key-<service> (key.pem), ConfigMap
        # sunshine-event-keys (<service>.pem each; a rotated-out key stays as <service>.<date>.pem).
        {'name': 'EVENT_SIGNING_KEY_FILE', 'value': '/etc/sunshine/event-key/key.pem'},
        {'name': 'EVENT_KEYS_DIR', 'value': '/etc/sunshine/event-keys'},
        # Traces (OTEL_* in sunshine-config): the service's name and its pod on every span.
        {'name': 'OTEL_SERVICE_NAME', 'value': name},
        {'name': 'POD_NAME', 'valueFrom': {'fieldRef': {'fieldPath': 'metadata.name'}}},
        {'name': 'OTEL_RESOURCE_ATTRIBUTES', 'value': 'k8s.pod.name=$(POD_NAME)'},
    ]
    env_from = [{'configMapRef': {'name': 'sunshine-config'}}]
    if name == 'intake':
        env_from.append({'secretRef': {'name': 'sunshine-intake-keys'}})  # PII_KEYS, PII_CURRENT_KEY, BLIND_INDEX_KEY
    volumes = [
        # The secret of its Keycloak client sunshine-<service> (key `secret`), created by the operators from Keycloak.
        {'name': 'client', 'secret': {'secretName': f'sunshine-keycloak-client-{name}', 'defaultMode': 0o440}},
        # Its KafkaUser's secret (key `password`) and the Kafka cluster's CA certificate, both written by Strimzi.
        {'name': 'kafka', 'secret': {'secretName': f'sunshine-{name}', 'defaultMode': 0o440, 'items': [{'key': 'password', 'path': 'password'}]}},
        {'name': 'kafka-ca', 'secret': {'secretName': 'sunshine-kafka-cluster-ca-cert', 'defaultMode': 0o444, 'items': [{'key': 'ca.crt', 'path': 'ca.crt'}]}},
        {'name': 'event-key', 'secret': {'secretName': f'sunshine-event-key-{name}', 'defaultMode': 0o440, 'items': [{'key': 'key.pem', 'path': 'key.pem'}]}},
        {'name': 'event-keys', 'configMap': {'name': 'sunshine-event-keys', 'defaultMode': 0o444}},
        {'name': 'tmp', 'emptyDir': {}},
    ]
    mounts = [{'name': 'client', 'mountPath': '/etc/sunshine/client', 'readOnly': True}, {'name': 'tmp', 'mountPath': '/tmp'},
              {'name': 'kafka', 'mountPath': '/etc/sunshine/kafka', 'readOnly': True}, {'name': 'kafka-ca', 'mountPath': '/etc/sunshine/kafka-ca', 'readOnly': True},
              {'name': 'event-key', 'mountPath': '/etc/sunshine/event-key', 'readOnly': True}, {'name': 'event-keys', 'mountPath': '/etc/sunshine/event-keys', 'readOnly': True}]
    if name == 'intake':
        volumes.append({'name': 'attachments', 'persistentVolumeClaim': {'claimName': 'intake-attachments'}})
        mounts.append({'name': 'attachments', 'mountPath': '/var/lib/sunshine/attachments'})
    # 审计日志归档: the daily audit archive job (libs/platform AuditArchiveScheduler) writes each partition past 184 days
    # there (files named by schema and month: the services share the volume, never a file).
    env.append({'name': 'AUDIT_ARCHIVE_DIR', 'value': AUDIT_ARCHIVE_DIR})
    volumes.append({'name': 'audit-archive', 'persistentVolumeClaim': {'claimName': 'audit-archive'}})
    mounts.append({'name': 'audit-archive', 'mountPath': AUDIT_ARCHIVE_DIR})
    probe = lambda path, period, fail: {'httpGet': {'path': path, 'port': 'http'}, 'periodSeconds': period, 'timeoutSeconds': 3, 'failureThreshold': fail}
    return {
        'apiVersion': 'apps/v1', 'kind': 'Deployment',
        'metadata': {'name': name, 'labels': labels(name)},
        'spec': {
            'replicas': 2,
            'revisionHistoryLimit': 5,
            'selector': {'matchLabels': {LABEL: name}},
            'strategy': {'type': 'RollingUpdate', 'rollingUpdate': {'maxUnavailable': 0, 'maxSurge': 1}},
            'template': {
                'metadata': {'labels': labels(name), 'annotations': {'prometheus.io/scrape': 'true', 'prometheus.io/port': str(PORT), 'prometheus.io/path': '/metrics'}},
                'spec': {
                    'serviceAccountName': 'sunshine',
                    'automountServiceAccountToken': False,
                    'securityContext': {'runAsNonRoot': True, 'runAsUser': 10001, 'runAsGroup': 10001, 'fsGroup': 10001, 'seccompProfile': {'type': 'RuntimeDefault'}},
                    'terminationGracePeriodSeconds': 45,
                    'containers': [{
                        'name': name,
                        'image': f'sunshine/{name}:latest',
                        'ports': [{'name': 'http', 'containerPort': PORT}],
                        'env': env,
                        'envFrom': env_from,
                        'resources': {'requests': {'cpu': '250m', 'memory': '256Mi'}, 'limits': {'cpu': '1', 'memory': '512Mi'}},
                        'startupProbe': probe('/health/live', 2, 60),
                        'livenessProbe': probe('/health/live', 10, 3),
                        'readinessProbe': probe('/health/ready', 5, 3),
                        'securityContext': {'allowPrivilegeEscalation': False, 'readOnlyRootFilesystem': True, 'capabilities': {'drop': ['ALL']}},
                        'volumeMounts': mounts,
                    }],
                    'volumes': volumes,
                },
            },
        },
    }


def migration_job(name, dep):
    """The service's image with MIGRATIONS=only: applies the pending migrations and exits (run before each rollout)."""
    pod = json.loads(json.dumps(dep['spec']['template']['spec']))
    container = pod['containers'][0]
    container['name'] = 'migrate'
    container['env'] = [e for e in container['env'] if e['name'] != 'MIGRATIONS'] + [{'name': 'MIGRATIONS', 'value': 'only'}]
    for probe in ('startupProbe', 'livenessProbe', 'readinessProbe'):
        container.pop(probe)
    container.pop('ports')
    pod['restartPolicy'] = 'OnFailure'
    return {'apiVersion': 'batch/v1', 'kind': 'Job', 'metadata': {'name': f'migrate-{name}', 'labels': labels(f'migrate-{name}')},
            'spec': {'backoffLimit': 3, 'ttlSecondsAfterFinished': 86400,
                     'template': {'metadata': {'labels': labels(f'migrate-{name}')}, 'spec': pod}}}


# PIPL retention jobs (docs/privacy.md): each runs daily in its service's image, with that service's own role (and keys).
RETENTION_JOBS = {
    'intake': ('intake-pii-retention', 'dist/apps/intake/src/retention/pii-retention.main.js', '30 3 * * *', {'PII_RETENTION_DAYS': '1095'}),
    'notification': ('notification-delivery-retention', 'dist/apps/notification/src/retention/delivery-retention.main.js', '45 3 * * *', {}),
}


def retention_cronjob(name, dep):
    """The service's retention job (RETENTION_JOBS) as a CronJob: its Deployment's pod, the job's command instead of the server."""
    job, script, schedule, extra_env = RETENTION_JOBS[name]
    pod = json.loads(json.dumps(dep['spec']['template']['spec']))
    container = pod['containers'][0]
    container['name'] = job.removeprefix(f'{name}-')
    container['command'] = ['node', script]
    container['env'] = [e for e in container['env'] if e['name'] != 'MIGRATIONS'] + [{'name': k, 'value': v} for k, v in extra_env.items()]
    for probe in ('startupProbe', 'livenessProbe', 'readinessProbe'):
        container.pop(probe)
    container.pop('ports')
    pod['restartPolicy'] = 'OnFailure'
    return {'apiVersion': 'batch/v1', 'kind': 'CronJob', 'metadata': {'name': job, 'labels': labels(job)},
            'spec': {'schedule': schedule, 'timeZone': 'Asia/Shanghai', 'concurrencyPolicy': 'Forbid', 'successfulJobsHistoryLimit': 3, 'failedJobsHistoryLimit': 3,
                     'jobTemplate': {'spec': {'backoffLimit': 3, 'template': {'metadata': {'labels': labels(job)}, 'spec': pod}}}}}


def service(name, port=PORT):
    return {'apiVersion': 'v1', 'kind': 'Service', 'metadata': {'name': name, 'labels': labels(name)},
            'spec': {'selector': {LABEL: name}, 'ports': [{'name': 'http', 'port': port, 'targetPort': 'http'}]}}


def pdb(name):
    return {'apiVersion': 'policy/v1', 'kind': 'PodDisruptionBudget', 'metadata': {'name': name, 'labels': labels(name)},
            'spec': {'minAvailable': 1, 'selector': {'matchLabels': {LABEL: name}}}}


def egress_to(selector, ports):
    return {'to': [{'podSelector': {'matchLabels': selector}}], 'ports': [{'protocol': 'TCP', 'port': p} for p in ports]}


DNS = {'to': [{'namespaceSelector': {}, 'podSelector': {'matchLabels': {'k8s-app': 'kube-dns'}}}], 'ports': [{'protocol': 'UDP', 'port': 53}, {'protocol': 'TCP', 'port': 53}]}
KAFKA = egress_to({'strimzi.io/cluster': 'sunshine-kafka'}, [KAFKA_PORT])
POSTGRES = egress_to({'cnpg.io/cluster': 'sunshine-postgres'}, [5432])
REDIS = egress_to({LABEL: 'redis'}, [6379])
KEYCLOAK = egress_to({LABEL: 'keycloak'}, [8080])
# The OpenTelemetry collector (or Jaeger) receiving the services' OTLP/HTTP traces, in the observability namespace.
OTLP = {'to': [{'namespaceSelector': {'matchLabels': {'kubernetes.io/metadata.name': 'observability'}}}], 'ports': [{'protocol': 'TCP', 'port': 4318}]}


def network_policy(name, calls):
    callers = [s for s, (c, _, _) in SERVICES.items() if name in c]
    ingress_from = [{'podSelector': {'matchLabels': {LABEL: 'console'}}}, {'namespaceSelector': {'matchLabels': {'kubernetes.io/metadata.name': 'monitoring'}}}]
    ingress_from += [{'podSelector': {'matchLabels': {LABEL: c}}} for c in callers]
    egress = [DNS, KAFKA, POSTGRES, REDIS, KEYCLOAK, OTLP] + [egress_to({LABEL: c}, [PORT]) for c in calls]
    return {'apiVersion': 'networking.k8s.io/v1', 'kind': 'NetworkPolicy', 'metadata': {'name': name, 'labels': labels(name)},
            'spec': {'podSelector': {'matchLabels': {LABEL: name}}, 'policyTypes': ['Ingress', 'Egress'],
                     'ingress': [{'from': ingress_from, 'ports': [{'protocol': 'TCP', 'port': PORT}]}], 'egress': egress}}


def console():
    conf = '\n'.join([
        'server {',
        '  listen 8080;',
        '  root /usr/share/nginx/html;',
        '  proxy_http_version 1.1;',
        '  proxy_set_header Host $host;',
        '  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
        '  proxy_buffering off;',
        '  proxy_read_timeout 1h;',
        *[f'  location /api/{s}/ {{ proxy_pass http://{s}:{PORT}/; }}' for s in SERVICES],
        '  # /metrics and /docs of the services are not proxied: Prometheus scrapes the pods inside the cluster.',
        '  location ~ ^/api/[a-z]+/metrics { return 404; }',
        '  # The console signs in through Keycloak (apps/console/src/auth/config.ts reads this at start).',
        '  location = /console-config.json {',
        '    default_type application/json;',
        '    add_header Cache-Control "no-store" always;',
        '    add_header X-Content-Type-Options nosniff always;',
        f'    return 200 \'{json.dumps({"oidc": {"authority": REALM_ISSUER, "clientId": "sunshine-console"}}, separators=(",", ":"))}\';',
        '  }',
        '  location / { try_files $uri /index.html; }',
        '}',
        '',
    ])
    dep = {
        'apiVersion': 'apps/v1', 'kind': 'Deployment', 'metadata': {'name': 'console', 'labels': labels('console')},
        'spec': {'replicas': 2, 'selector': {'matchLabels': {LABEL: 'console'}}, 'template': {
            'metadata': {'labels': labels('console')},
            'spec': {'automountServiceAccountToken': False,
                     'securityContext': {'runAsNonRoot': True, 'runAsUser': 101, 'runAsGroup': 101, 'seccompProfile': {'type': 'RuntimeDefault'}},
                     'containers': [{'name': 'nginx', 'image': 'sunshine/console:latest', 'ports': [{'name': 'http', 'containerPort': 8080}],
                                     'resources': {'requests': {'cpu': '50m', 'memory': '64Mi'}, 'limits': {'cpu': '500m', 'memory': '128Mi'}},
                                     'readinessProbe': {'httpGet': {'path': '/', 'port': 'http'}, 'periodSeconds': 5},
                                     'livenessProbe': {'httpGet': {'path': '/', 'port': 'http'}, 'periodSeconds': 10},
                                     'securityContext': {'allowPrivilegeEscalation': False, 'capabilities': {'drop': ['ALL']}},
                                     'volumeMounts': [{'name': 'conf', 'mountPath': '/etc/nginx/conf.d'}]}],
                     'volumes': [{'name': 'conf', 'configMap': {'name': 'console-nginx'}}]}}}}
    np_ = {'apiVersion': 'networking.k8s.io/v1', 'kind': 'NetworkPolicy', 'metadata': {'name': 'console', 'labels': labels('console')},
           'spec': {'podSelector': {'matchLabels': {LABEL: 'console'}}, 'policyTypes': ['Egress'],
                    'egress': [DNS] + [egress_to({LABEL: s}, [PORT]) for s in SERVICES]}}
    cm = {'apiVersion': 'v1', 'kind': 'ConfigMap', 'metadata': {'name': 'console-nginx', 'labels': labels('console')}, 'data': {'default.conf': conf}}
    return docs(dep, service('console', 80) | {'spec': {'selector': {LABEL: 'console'}, 'ports': [{'name': 'http', 'port': 80, 'targetPort': 'http'}]}}, pdb('console'), np_, cm)


def kafka():
    pool = {'apiVersion': 'kafka.strimzi.io/v1beta2', 'kind': 'KafkaNodePool', 'metadata': {'name': 'brokers', 'labels': {'strimzi.io/cluster': 'sunshine-kafka'}},
            'spec': {'replicas': 3, 'roles': ['controller', 'broker'],
                     'storage': {'type': 'jbod', 'volumes': [{'id': 0, 'type': 'persistent-claim', 'size': '100Gi', 'deleteClaim': False, 'kraftMetadata': 'shared'}]},
                     'resources': {'requests': {'cpu': '1', 'memory': '4Gi'}, 'limits': {'memory': '4Gi'}}}}
    cluster = {'apiVersion': 'kafka.strimzi.io/v1beta2', 'kind': 'Kafka', 'metadata': {'name': 'sunshine-kafka', 'annotations': {'strimzi.io/kraft': 'enabled', 'strimzi.io/node-pools': 'enabled'}},
               'spec': {'kafka': {'version': '4.1.0', 'metadataVersion': '4.1-IV1',
                                  # Only an authenticated, encrypted listener; every principal needs an ACL (KafkaUser below).
                                  'listeners': [{'name': 'scram', 'port': KAFKA_PORT, 'type': 'internal', 'tls': True, 'authentication': {'type': 'scram-sha-512'}}],
                                  'authorization': {'type': 'simple'},
                                  'config': {'default.replication.factor': 3, 'min.insync.replicas': 2, 'offsets.topic.replication.factor': 3,
                                             'transaction.state.log.replication.factor': 3, 'transaction.state.log.min.isr': 2, 'auto.create.topics.enable': False}},
                        'entityOperator': {'topicOperator': {}}}}
    topics = [{'apiVersion': 'kafka.strimzi.io/v1beta2', 'kind': 'KafkaTopic', 'metadata': {'name': n.replace('.', '-'), 'labels': {'strimzi.io/cluster': 'sunshine-kafka'}},
               'spec': {'topicName': n, 'partitions': p, 'replicas': 3, 'config': {**c, 'min.insync.replicas': 2}}} for n, p, c in TOPICS]
    return docs(pool, cluster, *topics, *kafka_users())


# 消息访问控制 One KafkaUser per service: SCRAM-SHA-512, exactly the ACLs of deploy/kafka-acls.json (npm run kafka-acls
# derives it from the contracts' producers and the services' consumed topics; its unit test keeps it current).
KAFKA_ACLS = json.load(open(os.path.join(ROOT, '..', 'kafka-acls.json'), encoding='utf-8'))


def kafka_users():
    def acl(rule):
        return {'resource': {'type': rule['resourceType'], 'name': rule['name'], 'patternType': rule['patternType']},
                'operations': rule['operations'], 'host': '*'}
    return [{'apiVersion': 'kafka.strimzi.io/v1beta2', 'kind': 'KafkaUser',
             'metadata': {'name': u['username'], 'labels': {'strimzi.io/cluster': 'sunshine-kafka', LABEL: u['service']}},
             'spec': {'authentication': {'type': 'scram-sha-512'}, 'authorization': {'type': 'simple', 'acls': [acl(r) for r in u['acls']]}}}
            for u in KAFKA_ACLS['users']]


# 数据库按服务分权: each service's login role owns its schema only (no rights on the others'); sunshine_reporting reads.
# The schemas and their owners are made at bootstrap; the operator then gives each role LOGIN and the password of its
# secret sunshine-postgres-<service> (kubernetes.io/basic-auth, created by the operators, never committed).
def postgres_schemas_sql():
    sql = []
    for s in SERVICES:
        sql += [f'CREATE ROLE sunshine_{s} NOLOGIN', f'CREATE SCHEMA {s} AUTHORIZATION sunshine_{s}', f'REVOKE ALL ON SCHEMA {s} FROM PUBLIC']
    sql += ['CREATE ROLE sunshine_reporting NOLOGIN']
    for s in SERVICES:
        sql += [f'GRANT USAGE ON SCHEMA {s} TO sunshine_reporting',
                f'ALTER DEFAULT PRIVILEGES FOR ROLE sunshine_{s} IN SCHEMA {s} GRANT SELECT ON TABLES TO sunshine_reporting']
    return sql


def postgres():
    roles = [{'name': f'sunshine_{s}', 'ensure': 'present', 'login': True, 'passwordSecret': {'name': f'sunshine-postgres-{s}'}}
             for s in [*SERVICES, 'reporting', 'keycloak']]
    return docs({'apiVersion': 'postgresql.cnpg.io/v1', 'kind': 'Cluster', 'metadata': {'name': 'sunshine-postgres'},
                 'spec': {'instances': 3, 'imageName': 'ghcr.io/cloudnative-pg/postgresql:15',
                          'bootstrap': {'initdb': {'database': 'sunshine', 'owner': 'sunshine', 'postInitApplicationSQL': postgres_schemas_sql()}},
                          'managed': {'roles': roles},
                          'storage': {'size': '50Gi'}, 'minSyncReplicas': 1, 'maxSyncReplicas': 1,
                          'postgresql': {'parameters': {'max_connections': '300'}},
                          'backup': {'retentionPolicy': '30d', 'barmanObjectStore': {'destinationPath': 's3://sunshine-backups/postgres',
                                     's3Credentials': {'accessKeyId': {'name': 'sunshine-backup-s3', 'key': 'ACCESS_KEY_ID'}, 'secretAccessKey': {'name': 'sunshine-backup-s3', 'key': 'SECRET_ACCESS_KEY'}}}}}},
                {'apiVersion': 'postgresql.cnpg.io/v1', 'kind': 'ScheduledBackup', 'metadata': {'name': 'sunshine-postgres-daily'},
                 'spec': {'schedule': '0 0 2 * * *', 'cluster': {'name': 'sunshine-postgres'}, 'backupOwnerReference': 'self'}},
                # Keycloak's own database, owned by its own role (nothing of it in the platform's database `sunshine`).
                {'apiVersion': 'postgresql.cnpg.io/v1', 'kind': 'Database', 'metadata': {'name': 'keycloak'},
                 'spec': {'name': 'keycloak', 'owner': 'sunshine_keycloak', 'cluster': {'name': 'sunshine-postgres'}}})


def keycloak():
    """Keycloak: the committed production realm imported at first start (ConfigMap keycloak-realm from deploy/keycloak), its own
    database on the cluster's PostgreSQL, TLS at the deployment's ingress (KEYCLOAK_PUBLIC_URL); the replicas share
    their caches through the database's JDBC_PING (JGroups on 7800). Secrets by the operators: sunshine-postgres-keycloak
    (password) and keycloak-bootstrap-admin (username, password; remove once a named administrator exists)."""
    realm = json.dumps(json.load(open(REALM_FILE, encoding='utf-8')), ensure_ascii=False, separators=(',', ':'))
    secret = lambda name, key: {'valueFrom': {'secretKeyRef': {'name': name, 'key': key}}}
    env = [{'name': 'KC_DB', 'value': 'postgres'}, {'name': 'KC_DB_URL', 'value': 'jdbc:postgresql://sunshine-postgres-rw:5432/keycloak'},
           {'name': 'KC_DB_USERNAME', 'value': 'sunshine_keycloak'}, {'name': 'KC_DB_PASSWORD', **secret('sunshine-postgres-keycloak', 'password')},
           {'name': 'KC_BOOTSTRAP_ADMIN_USERNAME', **secret('keycloak-bootstrap-admin', 'username')},
           {'name': 'KC_BOOTSTRAP_ADMIN_PASSWORD', **secret('keycloak-bootstrap-admin', 'password')},
           {'name': 'JAVA_OPTS_KC_HEAP', 'value': '-XX:MaxRAMPercentage=70'}]
    probe = lambda path, period, fail: {'httpGet': {'path': path, 'port': 'management'}, 'periodSeconds': period, 'timeoutSeconds': 3, 'failureThreshold': fail}
    dep = {'apiVersion': 'apps/v1', 'kind': 'Deployment', 'metadata': {'name': 'keycloak', 'labels': labels('keycloak')},
           'spec': {'replicas': 2, 'selector': {'matchLabels': {LABEL: 'keycloak'}}, 'template': {
               'metadata': {'labels': labels('keycloak')},
               'spec': {'automountServiceAccountToken': False,
                        'securityContext': {'runAsNonRoot': True, 'runAsUser': 1000, 'runAsGroup': 1000, 'seccompProfile': {'type': 'RuntimeDefault'}},
                        'containers': [{'name': 'keycloak', 'image': KEYCLOAK_IMAGE,
                                        'args': ['start', '--import-realm', '--http-enabled=true', '--health-enabled=true', f'--hostname={KEYCLOAK_PUBLIC_URL}',
                                                 '--hostname-backchannel-dynamic=true', '--proxy-headers=xforwarded'],
                                        'env': env,
                                        'ports': [{'name': 'http', 'containerPort': 8080}, {'name': 'management', 'containerPort': 9000},
                                                  {'name': 'jgroups', 'containerPort': 7800}],
                                        'resources': {'requests': {'cpu': '500m', 'memory': '1Gi'}, 'limits': {'cpu': '2', 'memory': '1536Mi'}},
                                        'startupProbe': probe('/health/started', 5, 60), 'readinessProbe': probe('/health/ready', 10, 3),
                                        'livenessProbe': probe('/health/live', 10, 3),
                                        'securityContext': {'allowPrivilegeEscalation': False, 'capabilities': {'drop': ['ALL']}},
                                        'volumeMounts': [{'name': 'realm', 'mountPath': '/opt/keycloak/data/import', 'readOnly': True}]}],
                        'volumes': [{'name': 'realm', 'configMap': {'name': 'keycloak-realm'}}]}}}}
    svc = {'apiVersion': 'v1', 'kind': 'Service', 'metadata': {'name': 'keycloak', 'labels': labels('keycloak')},
           'spec': {'selector': {LABEL: 'keycloak'}, 'ports': [{'name': 'http', 'port': 8080, 'targetPort': 'http'}]}}
    peers = {'podSelector': {'matchLabels': {LABEL: 'keycloak'}}}
    np_ = {'apiVersion': 'networking.k8s.io/v1', 'kind': 'NetworkPolicy', 'metadata': {'name': 'keycloak', 'labels': labels('keycloak')},
           'spec': {'podSelector': {'matchLabels': {LABEL: 'keycloak'}}, 'policyTypes': ['Ingress', 'Egress'],
                    'ingress': [{'from': [{'podSelector': {'matchLabels': {LABEL: s}}} for s in SERVICES]
                                 + [{'namespaceSelector': {'matchLabels': {'kubernetes.io/metadata.name': 'ingress-nginx'}}}],
                                 'ports': [{'protocol': 'TCP', 'port': 8080}]},
                                {'from': [peers], 'ports': [{'protocol': 'TCP', 'port': 7800}, {'protocol': 'TCP', 'port': 57800}]}],
                    'egress': [DNS, POSTGRES, {'to': [peers], 'ports': [{'protocol': 'TCP', 'port': 7800}, {'protocol': 'TCP', 'port': 57800}]}]}}
    cm = {'apiVersion': 'v1', 'kind': 'ConfigMap', 'metadata': {'name': 'keycloak-realm', 'labels': labels('keycloak')}, 'data': {'sunshine-realm.json': realm}}
    return docs(dep, svc, pdb('keycloak'), np_, cm)


def keda():
    # The scaler reads its group's lag as the service's own Kafka user (Describe on its group and topics), over TLS.
    auth = lambda s: {'apiVersion': 'keda.sh/v1alpha1', 'kind': 'TriggerAuthentication', 'metadata': {'name': f'kafka-{s}', 'labels': labels(s)},
                      'spec': {'secretTargetRef': [{'parameter': 'username', 'name': f'kafka-username-{s}', 'key': 'username'},
                                                   {'parameter': 'password', 'name': f'sunshine-{s}', 'key': 'password'},
                                                   {'parameter': 'ca', 'name': 'sunshine-kafka-cluster-ca-cert', 'key': 'ca.crt'}]}}
    scaled = lambda s: {'apiVersion': 'keda.sh/v1alpha1', 'kind': 'ScaledObject', 'metadata': {'name': s, 'labels': labels(s)},
                        'spec': {'scaleTargetRef': {'name': s}, 'minReplicaCount': 2, 'maxReplicaCount': 12, 'cooldownPeriod': 300,
                                 'triggers': [{'type': 'kafka', 'authenticationRef': {'name': f'kafka-{s}'},
                                               'metadata': {'bootstrapServers': KAFKA_BOOTSTRAP, 'consumerGroup': s, 'topic': 'sunshine.case-log',
                                                            'lagThreshold': '500', 'offsetResetPolicy': 'earliest', 'sasl': 'scram_sha512', 'tls': 'enable'}}]}}
    # Strimzi's user secret holds the password only: the user name (not a credential) in a Secret KEDA can reference.
    username = lambda s: {'apiVersion': 'v1', 'kind': 'Secret', 'metadata': {'name': f'kafka-username-{s}', 'labels': labels(s)},
                          'type': 'Opaque', 'stringData': {'username': f'sunshine-{s}'}}
    return docs(*[d for s in SERVICES for d in (username(s), auth(s), scaled(s))])


# Redis ACL users, one per service, each limited to its own keys (the same table as deploy/local/infra.sh's
# REDIS_ACL_KEYS_*, which libs/platform/test/redis-acl.int-spec.ts proves): its BullMQ queues, intake's rate-limit
# counters, its audit archive queue. The default user is off; passwords come from the secrets sunshine-redis-<service> (never committed).
REDIS_ACL_KEYS = {
    'intake': '~sunshine:*:intake-rate-limit:*',
    'routing': '',
    'supervision': '~bull:supervision-* ~bull.*:supervision-*',
    'notification': '~bull:notification.* ~bull.*:notification.*',
    'evaluation': '~bull:evaluation-* ~bull.*:evaluation-*',
}
# Every service's daily audit archive (libs/platform AuditArchiveScheduler): its own queue audit-archive.<service>.
REDIS_ACL_KEYS = {s: ' '.join(filter(None, [k, f'~bull:audit-archive.{s}:* ~bull.*:audit-archive.{s}:*'])) for s, k in REDIS_ACL_KEYS.items()}
REDIS_ACL_COMMANDS = 'resetchannels +@all -@admin -@dangerous +info +client|setname +client|getname +client|id'


def redis_acl_init():
    """Writes /acl/users.acl from the password secrets before Redis starts (--aclfile)."""
    lines = ['printf "user default off\\n" > /acl/users.acl']
    for s in SERVICES:
        keys = (REDIS_ACL_KEYS[s] + ' ').lstrip()
        lines.append(f'printf "user sunshine-{s} on >%s {keys}{REDIS_ACL_COMMANDS}\\n" "$PASSWORD_{s.upper()}" >> /acl/users.acl')
    return {'name': 'acl', 'image': 'redis:7', 'command': ['sh', '-ec', '\n'.join(lines)],
            'env': [{'name': f'PASSWORD_{s.upper()}', 'valueFrom': {'secretKeyRef': {'name': f'sunshine-redis-{s}', 'key': 'password'}}} for s in SERVICES],
            'volumeMounts': [{'name': 'acl', 'mountPath': '/acl'}]}


def redis():
    return docs({'apiVersion': 'apps/v1', 'kind': 'StatefulSet', 'metadata': {'name': 'redis', 'labels': labels('redis')},
                 'spec': {'serviceName': 'redis', 'replicas': 1, 'selector': {'matchLabels': {LABEL: 'redis'}}, 'template': {
                     'metadata': {'labels': labels('redis')},
                     'spec': {'automountServiceAccountToken': False, 'securityContext': {'runAsNonRoot': True, 'runAsUser': 999, 'fsGroup': 999},
                              'initContainers': [redis_acl_init()],
                              'volumes': [{'name': 'acl', 'emptyDir': {'medium': 'Memory'}}],
                              'containers': [{'name': 'redis', 'image': 'redis:7', 'args': ['--appendonly', 'yes', '--aclfile', '/acl/users.acl'], 'ports': [{'name': 'redis', 'containerPort': 6379}],
                                              'resources': {'requests': {'cpu': '100m', 'memory': '256Mi'}, 'limits': {'memory': '512Mi'}},
                                              'readinessProbe': {'tcpSocket': {'port': 'redis'}, 'periodSeconds': 5},
                                              'volumeMounts': [{'name': 'data', 'mountPath': '/data'}, {'name': 'acl', 'mountPath': '/acl', 'readOnly': True}]}]}},
                     'volumeClaimTemplates': [{'metadata': {'name': 'data'}, 'spec': {'accessModes': ['ReadWriteOnce'], 'resources': {'requests': {'storage': '5Gi'}}}}]}},
                {'apiVersion': 'v1', 'kind': 'Service', 'metadata': {'name': 'redis', 'labels': labels('redis')},
                 'spec': {'selector': {LABEL: 'redis'}, 'ports': [{'name': 'redis', 'port': 6379, 'targetPort': 'redis'}]}})


def common():
    cm = {'apiVersion': 'v1', 'kind': 'ConfigMap', 'metadata': {'name': 'sunshine-config', 'labels': {PART: 'sunshine'}},
          'data': {'NODE_ENV': 'production', 'LOG_LEVEL': 'info', 'KAFKA_BROKERS': KAFKA_BOOTSTRAP,
                   # Keycloak (keycloak()): the realm's issuer, its keys and token endpoint inside the cluster.
                   'AUTH_ISSUER': REALM_ISSUER, 'AUTH_AUDIENCE': 'sunshine',
                   'AUTH_JWKS_URL': f'{KEYCLOAK_OIDC}/certs', 'AUTH_TOKEN_URL': f'{KEYCLOAK_OIDC}/token',
                   # Traces (libs/platform/src/tracing): OTLP/HTTP protobuf to the collector; a request's sampled
                   # traceparent is followed, new traces are kept at the ratio (prod 10 %, dev every one).
                   'OTEL_EXPORTER_OTLP_ENDPOINT': 'http://otel-collector.observability:4318', 'OTEL_EXPORTER_OTLP_PROTOCOL': 'http/protobuf',
                   'OTEL_TRACES_SAMPLER': 'parentbased_traceidratio', 'OTEL_TRACES_SAMPLER_ARG': '0.1'}}
    sa = {'apiVersion': 'v1', 'kind': 'ServiceAccount', 'metadata': {'name': 'sunshine', 'labels': {PART: 'sunshine'}}, 'automountServiceAccountToken': False}
    pvc = {'apiVersion': 'v1', 'kind': 'PersistentVolumeClaim', 'metadata': {'name': 'intake-attachments', 'labels': labels('intake')},
           'spec': {'accessModes': ['ReadWriteMany'], 'resources': {'requests': {'storage': '100Gi'}}}}
    archive = {'apiVersion': 'v1', 'kind': 'PersistentVolumeClaim', 'metadata': {'name': 'audit-archive', 'labels': {PART: 'sunshine'}},
               'spec': {'accessModes': ['ReadWriteMany'], 'resources': {'requests': {'storage': '20Gi'}}}}
    deny = {'apiVersion': 'networking.k8s.io/v1', 'kind': 'NetworkPolicy', 'metadata': {'name': 'default-deny', 'labels': {PART: 'sunshine'}},
            'spec': {'podSelector': {}, 'policyTypes': ['Ingress', 'Egress']}}
    jobs = {'apiVersion': 'networking.k8s.io/v1', 'kind': 'NetworkPolicy', 'metadata': {'name': 'migrate', 'labels': {PART: 'sunshine'}},
            'spec': {'podSelector': {'matchExpressions': [{'key': LABEL, 'operator': 'In', 'values': [f'migrate-{s}' for s in SERVICES] + [j for j, _, _, _ in RETENTION_JOBS.values()]}]},
                     'policyTypes': ['Ingress', 'Egress'], 'ingress': [], 'egress': [DNS, POSTGRES, REDIS, KAFKA]}}
    return docs(cm, sa, pvc, archive, deny, jobs)


def write(path, text):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if CHECK:
        current = open(full, encoding='utf-8').read() if os.path.exists(full) else None
        if current != text:
            STALE.append(path)
        return
    with open(full, 'w', encoding='utf-8') as f:
        f.write(text)


HEADER = '# Generated by deploy/k8s/generate.py — edit that file, then run it.\n'
CHECK = '--check' in sys.argv
STALE = []

resources = ['common.yaml', 'redis.yaml', 'kafka.yaml', 'postgres.yaml', 'keycloak.yaml', 'keda.yaml', 'console.yaml']
write('base/common.yaml', HEADER + common())
write('base/redis.yaml', HEADER + redis())
write('base/kafka.yaml', HEADER + kafka())
write('base/postgres.yaml', HEADER + postgres())
write('base/keycloak.yaml', HEADER + keycloak())
write('base/keda.yaml', HEADER + keda())
write('base/console.yaml', HEADER + console())
for name, (calls, consumes, extra) in SERVICES.items():
    dep = deployment(name, extra, consumes)
    extra_docs = [retention_cronjob(name, dep)] if name in RETENTION_JOBS else []
    write(f'base/{name}.yaml', HEADER + docs(dep, service(name), pdb(name), network_policy(name, calls), migration_job(name, dep), *extra_docs))
    resources.append(f'{name}.yaml')
write('base/kustomization.yaml', HEADER + y({'apiVersion': 'kustomize.config.k8s.io/v1beta1', 'kind': 'Kustomization', 'labels': [{'pairs': {PART: 'sunshine'}}], 'resources': resources}))

images = lambda tag: [{'name': f'sunshine/{s}', 'newName': f'registry.example.cn/sunshine/{s}', 'newTag': tag} for s in [*SERVICES, 'console']]
write('overlays/dev/kustomization.yaml', HEADER + y({
    'apiVersion': 'kustomize.config.k8s.io/v1beta1', 'kind': 'Kustomization', 'namespace': 'sunshine-dev', 'resources': ['../../base'],
    'images': images('dev'),
    'patches': [
        {'target': {'kind': 'Deployment', 'labelSelector': PART + '=sunshine'}, 'patch': y([{'op': 'replace', 'path': '/spec/replicas', 'value': 1}])},
        {'target': {'kind': 'KafkaNodePool', 'name': 'brokers'}, 'patch': y([{'op': 'replace', 'path': '/spec/storage/volumes/0/size', 'value': '10Gi'}])},
        {'target': {'kind': 'Cluster', 'name': 'sunshine-postgres'}, 'patch': y([{'op': 'replace', 'path': '/spec/storage/size', 'value': '5Gi'}])},
        {'target': {'kind': 'ConfigMap', 'name': 'sunshine-config'}, 'patch': y([{'op': 'replace', 'path': '/data/LOG_LEVEL', 'value': 'debug'},
                                                                                 {'op': 'replace', 'path': '/data/OTEL_TRACES_SAMPLER_ARG', 'value': '1'}])},
    ]}))
write('overlays/prod/kustomization.yaml', HEADER + y({
    'apiVersion': 'kustomize.config.k8s.io/v1beta1', 'kind': 'Kustomization', 'namespace': 'sunshine', 'resources': ['../../base'],
    'images': images('0.1.0'),
    'patches': [
        {'target': {'kind': 'Deployment', 'labelSelector': PART + '=sunshine'}, 'patch': y([{'op': 'replace', 'path': '/spec/replicas', 'value': 3}])},
        {'target': {'kind': 'Deployment', 'name': 'intake|routing|supervision|notification|evaluation'},
         'patch': y([{'op': 'replace', 'path': '/spec/template/spec/containers/0/resources', 'value': {'requests': {'cpu': '500m', 'memory': '384Mi'}, 'limits': {'cpu': '2', 'memory': '768Mi'}}}])},
    ]}))
if STALE:
    sys.exit('deploy/k8s is stale, run python3 deploy/k8s/generate.py: ' + ', '.join(STALE))
