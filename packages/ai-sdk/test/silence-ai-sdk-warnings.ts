// The tests assert the warnings themselves; the AI SDK's console copy of them is noise.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
