#!/bin/sh
# kibana-setup (docker/compose.yaml): sets the kibana_system password, waits for Kibana, and
# imports the brokerwatch data views and saved searches (brokerwatch.ndjson). Idempotent.
set -eu
es=http://elasticsearch:9200
kibana=http://kibana:5601
until curl -sf -u "elastic:$ELASTIC_PASSWORD" "$es/_cluster/health" >/dev/null; do sleep 3; done
curl -sf -u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json' \
  -X POST "$es/_security/user/kibana_system/_password" -d "{\"password\":\"$KIBANA_PASSWORD\"}" >/dev/null
until curl -sf -u "elastic:$ELASTIC_PASSWORD" "$kibana/api/status" >/dev/null; do sleep 3; done
curl -sf -u "elastic:$ELASTIC_PASSWORD" -H 'kbn-xsrf: brokerwatch' \
  -X POST "$kibana/api/saved_objects/_import?overwrite=true" --form file=@/kibana/brokerwatch.ndjson
echo
echo "kibana-setup: brokerwatch data views imported"
