// The AWS SDK warns on every load under Node 20 (its support ends in 2027); Lambda runs Node 22.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
// EMF metric lines would flood test output; metrics are asserted where they matter.
process.env['POWERTOOLS_METRICS_DISABLED'] ??= 'true';
