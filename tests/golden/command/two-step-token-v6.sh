# POST the inputs; the answer is {"event_id":"..."}
curl -X POST http://127.0.0.1:7860/gradio_api/call/predict -H "Content-Type: application/json" -H "Authorization: Bearer $HF_TOKEN" -d '{"data": ["Hello, my friend."]}'
# GET the result: set EVENT_ID to the id the POST printed
curl -N "http://127.0.0.1:7860/gradio_api/call/predict/$EVENT_ID" -H "Authorization: Bearer $HF_TOKEN"
