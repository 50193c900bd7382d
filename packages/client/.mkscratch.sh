rm -rf .scratch && mkdir .scratch && cp -r dist .scratch/
python3 - <<'PY'
p='/work/main/packages/client/.scratch/dist/client.js'
s=open(p).read()
s=s.replace('const url = createFinalURL(','const url = globalThis.NOURL ? baseUrl + "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs?page-size=25" : createFinalURL(')
s=s.replace('return [readPage(result), result];','return [globalThis.NOPAGE ? JSON.parse(result.body) : readPage(result), result];')
open(p,'w').write(s)
p='/work/main/packages/client/.scratch/dist/pipeline.js'
s=open(p).read()
s=s.replace('const invocationId = uuid();','const invocationId = globalThis.NOUUID ? "23cabc68-76f7-4579-a092-08155aae4006" : uuid();')
s=s.replace('''                        headers,
''','''                        headers: globalThis.NOHEADERS ? undefined : headers,
''',1)
open(p,'w').write(s)
PY
