// replaced by the JSON document
