"""Shapes of real Gradio /config and info documents, per major version (data only).

Derived once from the captures of real Gradio 4.44.1, 5.50.0 and 6.31.0 servers in
tests/fixtures/real (their blocks_app): a template per component kind and side (input,
output) without label, value and API schema; the dependency entry; the top-level config
keys in their order with their values; the info schema's python_type per kind; and, from
their interface_app, the blocks a gr.Interface renders around its components
(interface_blocks, by role). curlgen/stub_app.py fills them in. The literal is JSON, hence
the three names below.
"""

from __future__ import annotations

from typing import Any

true, false, null = True, False, None

SHAPES_BY_NAME: dict[str, dict[str, Any]] = {
 "4": {
  "config_keys": [
   "version",
   "mode",
   "app_id",
   "dev_mode",
   "analytics_enabled",
   "components",
   "css",
   "connect_heartbeat",
   "js",
   "head",
   "title",
   "space_id",
   "enable_queue",
   "show_error",
   "show_api",
   "is_colab",
   "max_file_size",
   "stylesheets",
   "theme",
   "protocol",
   "body_css",
   "fill_height",
   "fill_width",
   "theme_hash",
   "layout",
   "dependencies",
   "root",
   "username"
  ],
  "config_values": {
   "version": "4.44.1",
   "mode": "blocks",
   "dev_mode": false,
   "analytics_enabled": false,
   "css": null,
   "connect_heartbeat": true,
   "js": null,
   "head": null,
   "space_id": null,
   "enable_queue": true,
   "show_error": false,
   "show_api": true,
   "is_colab": false,
   "max_file_size": null,
   "stylesheets": [
    "https://fonts.googleapis.com/css2?family=Source+Sans+Pro:wght@400;600&display=swap",
    "https://fonts.googleapis.com/css2?family=IBM+Plex+Mono:wght@400;600&display=swap"
   ],
   "theme": "default",
   "protocol": "sse_v3",
   "body_css": {
    "body_background_fill": "white",
    "body_text_color": "#1f2937",
    "body_background_fill_dark": "#0b0f19",
    "body_text_color_dark": "#f3f4f6"
   },
   "fill_height": false,
   "fill_width": false,
   "theme_hash": "aa3cf5a76ff4ff3d05b407358c4a85aa7a55a3f5751b53d49cba0b8d49a6c148"
  },
  "components": {
   "textbox:in": {
    "type": "textbox",
    "props": {
     "lines": 1,
     "max_lines": 20,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "autofocus": false,
     "autoscroll": true,
     "elem_classes": [],
     "type": "text",
     "rtl": false,
     "show_copy_button": false,
     "name": "textbox",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "76824fab2a7433d2bfa21d0b93c9cacf",
    "key": null
   },
   "textbox:out": {
    "type": "textbox",
    "props": {
     "lines": 1,
     "max_lines": 20,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "autofocus": false,
     "autoscroll": true,
     "elem_classes": [],
     "type": "text",
     "rtl": false,
     "show_copy_button": false,
     "name": "textbox",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "76824fab2a7433d2bfa21d0b93c9cacf",
    "key": null
   },
   "number:in": {
    "type": "number",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "step": 1,
     "name": "number",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "1128010e662040d4fc6c382340e6680b",
    "key": null
   },
   "number:out": {
    "type": "number",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "precision": 0,
     "step": 1,
     "name": "number",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "1128010e662040d4fc6c382340e6680b",
    "key": null
   },
   "checkbox:in": {
    "type": "checkbox",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "name": "checkbox",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "b29d092dbd58a9b514d087fb333971df",
    "key": null
   },
   "slider:in": {
    "type": "slider",
    "props": {
     "minimum": 1,
     "maximum": 5,
     "step": 1,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "name": "slider",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "2a6df0144b29f0c8c9284485a96efa37",
    "key": null
   },
   "dropdown:in": {
    "type": "dropdown",
    "props": {
     "choices": [
      [
       "a",
       "a"
      ],
      [
       "b",
       "b"
      ],
      [
       "c",
       "c"
      ]
     ],
     "type": "value",
     "allow_custom_value": false,
     "filterable": true,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "name": "dropdown",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "d75d06b4b375ac446d027b2d4e7dcc3b",
    "key": null
   },
   "json:out": {
    "type": "json",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "open": false,
     "show_indices": false,
     "name": "json",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "9d86fa0d916143060328e566859aeeb1",
    "key": null
   },
   "file:in": {
    "type": "file",
    "props": {
     "file_count": "single",
     "type": "filepath",
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "name": "file",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "e0c9beb8a3216c0e075699478927b6f7",
    "key": null
   },
   "file:out": {
    "type": "file",
    "props": {
     "file_count": "single",
     "type": "filepath",
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "name": "file",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "e0c9beb8a3216c0e075699478927b6f7",
    "key": null
   },
   "file_multiple:in": {
    "type": "file",
    "props": {
     "file_count": "multiple",
     "type": "filepath",
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "name": "file",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "e0c9beb8a3216c0e075699478927b6f7",
    "key": null
   },
   "image:in": {
    "type": "image",
    "props": {
     "streamable": false,
     "format": "webp",
     "image_mode": "RGB",
     "sources": [
      "upload",
      "webcam",
      "clipboard"
     ],
     "type": "filepath",
     "show_label": true,
     "show_download_button": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "streaming": false,
     "elem_classes": [],
     "mirror_webcam": true,
     "show_share_button": false,
     "show_fullscreen_button": true,
     "name": "image",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "4e82ddb93dce874f64687899955c054f",
    "key": null
   },
   "image:out": {
    "type": "image",
    "props": {
     "streamable": false,
     "format": "webp",
     "image_mode": "RGB",
     "sources": [
      "upload",
      "webcam",
      "clipboard"
     ],
     "type": "filepath",
     "show_label": true,
     "show_download_button": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "streaming": false,
     "elem_classes": [],
     "mirror_webcam": true,
     "show_share_button": false,
     "show_fullscreen_button": true,
     "name": "image",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "4e82ddb93dce874f64687899955c054f",
    "key": null
   },
   "state:in": {
    "type": "state",
    "props": {
     "time_to_live": null,
     "delete_callback": "<function State.__init__.<locals>.<lambda> at 0x7f0000000000>",
     "name": "state",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "f279857dce6a7b5a295e00ec0c066f39",
    "key": null
   },
   "state:out": {
    "type": "state",
    "props": {
     "time_to_live": null,
     "delete_callback": "<function State.__init__.<locals>.<lambda> at 0x7f0000000000>",
     "name": "state",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "f279857dce6a7b5a295e00ec0c066f39",
    "key": null
   },
   "button": {
    "type": "button",
    "props": {
     "variant": "secondary",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "0548b511d60fb952153a4b8281fe8a51",
    "key": null
   }
  },
  "dependency": {
   "id": 0,
   "targets": [
    [
     4,
     "click"
    ]
   ],
   "inputs": [
    2
   ],
   "outputs": [
    3
   ],
   "backend_fn": true,
   "js": null,
   "queue": true,
   "api_name": "reverse",
   "scroll_to_output": false,
   "show_progress": "full",
   "batch": false,
   "max_batch_size": 4,
   "cancels": [],
   "types": {
    "generator": false,
    "cancel": false
   },
   "collects_event_data": false,
   "trigger_after": null,
   "trigger_only_on_success": false,
   "trigger_mode": "once",
   "show_api": true,
   "zerogpu": false,
   "rendered_in": null
  },
  "python_types": {
   "textbox:in": "str",
   "textbox:out": "str",
   "number:in": "float",
   "number:out": "float",
   "checkbox:in": "bool",
   "slider:in": "float",
   "dropdown:in": "Literal['a', 'b', 'c']",
   "json:out": "Dict[Any, Any]",
   "file:in": "filepath",
   "file:out": "filepath",
   "file_multiple:in": "List[filepath]",
   "image:in": "filepath",
   "image:out": "filepath"
  },
  "endpoint_keys": [
   "parameters",
   "returns",
   "show_api"
  ],
  "interface_mode": "interface",
  "interface_blocks": {
   "top_row": {
    "type": "row",
    "props": {
     "variant": "default",
     "visible": true,
     "equal_height": false,
     "show_progress": false,
     "name": "row"
    },
    "skip_api": true,
    "component_class_id": "4471b0467c9b8c4335f1d88d76cb2b30",
    "key": null
   },
   "input_column": {
    "type": "column",
    "props": {
     "scale": 1,
     "min_width": 320,
     "variant": "panel",
     "visible": true,
     "show_progress": false,
     "name": "column"
    },
    "skip_api": true,
    "component_class_id": "3c2cef22efe27d4fbcec0c843c14e363",
    "key": null
   },
   "input_inner_column": {
    "type": "column",
    "props": {
     "scale": 1,
     "min_width": 320,
     "variant": "default",
     "visible": true,
     "show_progress": false,
     "name": "column"
    },
    "skip_api": true,
    "component_class_id": "3c2cef22efe27d4fbcec0c843c14e363",
    "key": null
   },
   "form": {
    "type": "form",
    "props": {
     "scale": 0,
     "min_width": 0,
     "name": "form"
    },
    "skip_api": true,
    "component_class_id": "575f6e1265ac123de567296e34bacfa3",
    "key": null
   },
   "button_row": {
    "type": "row",
    "props": {
     "variant": "default",
     "visible": true,
     "equal_height": true,
     "show_progress": false,
     "name": "row"
    },
    "skip_api": true,
    "component_class_id": "4471b0467c9b8c4335f1d88d76cb2b30",
    "key": null
   },
   "clear_button": {
    "type": "button",
    "props": {
     "value": "Clear",
     "variant": "secondary",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "show_api": false,
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "fac8c9fb34fcf5e4b5706f7f7e41b7a4",
    "key": null
   },
   "submit_button": {
    "type": "button",
    "props": {
     "value": "Submit",
     "variant": "primary",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "0548b511d60fb952153a4b8281fe8a51",
    "key": null
   },
   "output_column": {
    "type": "column",
    "props": {
     "scale": 1,
     "min_width": 320,
     "variant": "panel",
     "visible": true,
     "show_progress": false,
     "name": "column"
    },
    "skip_api": true,
    "component_class_id": "3c2cef22efe27d4fbcec0c843c14e363",
    "key": null
   },
   "flag_row": {
    "type": "row",
    "props": {
     "variant": "default",
     "visible": true,
     "equal_height": true,
     "show_progress": false,
     "name": "row"
    },
    "skip_api": true,
    "component_class_id": "4471b0467c9b8c4335f1d88d76cb2b30",
    "key": null
   },
   "flag_button": {
    "type": "button",
    "props": {
     "value": "Flag",
     "variant": "secondary",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "0548b511d60fb952153a4b8281fe8a51",
    "key": null
   }
  }
 },
 "5": {
  "config_keys": [
   "version",
   "api_prefix",
   "mode",
   "app_id",
   "dev_mode",
   "vibe_mode",
   "analytics_enabled",
   "components",
   "css",
   "connect_heartbeat",
   "js",
   "head",
   "title",
   "space_id",
   "enable_queue",
   "show_error",
   "show_api",
   "is_colab",
   "max_file_size",
   "stylesheets",
   "theme",
   "protocol",
   "body_css",
   "fill_height",
   "fill_width",
   "theme_hash",
   "pwa",
   "pages",
   "page",
   "mcp_server",
   "i18n_translations",
   "dependencies",
   "layout",
   "username",
   "root"
  ],
  "config_values": {
   "version": "5.50.0",
   "api_prefix": "/gradio_api",
   "mode": "blocks",
   "dev_mode": false,
   "vibe_mode": false,
   "analytics_enabled": false,
   "css": "",
   "connect_heartbeat": true,
   "js": "",
   "head": "",
   "space_id": null,
   "enable_queue": true,
   "show_error": false,
   "show_api": true,
   "is_colab": false,
   "max_file_size": null,
   "stylesheets": [
    "https://fonts.googleapis.com/css2?family=Source+Sans+Pro:wght@400;600&display=swap"
   ],
   "theme": "default",
   "protocol": "sse_v3",
   "body_css": {
    "body_background_fill": "white",
    "body_text_color": "#27272a",
    "body_background_fill_dark": "#0f0f11",
    "body_text_color_dark": "#f4f4f5"
   },
   "fill_height": false,
   "fill_width": false,
   "theme_hash": "2fa39f6df94156f7ef9d84370dbb2657d672827c75f082ac995879c32290c5ca",
   "pwa": false,
   "pages": [
    [
     "",
     "Home",
     true
    ]
   ],
   "mcp_server": false,
   "i18n_translations": null
  },
  "components": {
   "textbox:in": {
    "type": "textbox",
    "props": {
     "type": "text",
     "lines": 1,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "autofocus": false,
     "autoscroll": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "rtl": false,
     "show_copy_button": false,
     "submit_btn": false,
     "stop_btn": false,
     "name": "textbox",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "55c0a5ef9e66d999f57eb3f6d2a8afbb5ca6811a1cb88cb2d16b9979b5a4d7cb",
    "key": null
   },
   "textbox:out": {
    "type": "textbox",
    "props": {
     "type": "text",
     "lines": 1,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "autofocus": false,
     "autoscroll": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "rtl": false,
     "show_copy_button": false,
     "submit_btn": false,
     "stop_btn": false,
     "name": "textbox",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "55c0a5ef9e66d999f57eb3f6d2a8afbb5ca6811a1cb88cb2d16b9979b5a4d7cb",
    "key": null
   },
   "number:in": {
    "type": "number",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "step": 1,
     "name": "number",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "de092e3afda4a05572fce07fc1d0ccedf20cd668e88dc29521dd8f4514c390b0",
    "key": null
   },
   "number:out": {
    "type": "number",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "precision": 0,
     "step": 1,
     "name": "number",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "de092e3afda4a05572fce07fc1d0ccedf20cd668e88dc29521dd8f4514c390b0",
    "key": null
   },
   "checkbox:in": {
    "type": "checkbox",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "name": "checkbox",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "f7424995cb5609d4a098ceeef6622260c0e969fda45f23be4b9c42cbc1b12052",
    "key": null
   },
   "slider:in": {
    "type": "slider",
    "props": {
     "minimum": 1,
     "maximum": 5,
     "step": 1,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "show_reset_button": true,
     "name": "slider",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "76b7d648b2178ebce231d25121142d7498628d1de51b803acc598da89fe59c46",
    "key": null
   },
   "dropdown:in": {
    "type": "dropdown",
    "props": {
     "choices": [
      [
       "a",
       "a"
      ],
      [
       "b",
       "b"
      ],
      [
       "c",
       "c"
      ]
     ],
     "type": "value",
     "allow_custom_value": false,
     "filterable": true,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "name": "dropdown",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "ed35a020996199e90695de2792d7c102fcd423d5c96838c9d4a6431b1c9e54ca",
    "key": null
   },
   "json:out": {
    "type": "json",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "open": false,
     "show_indices": false,
     "max_height": 500,
     "name": "json",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "ee116e26d66c9a91d63a853678ec4b82a507bec73c692fb30001fdaf227cec92",
    "key": null
   },
   "file:in": {
    "type": "file",
    "props": {
     "file_count": "single",
     "type": "filepath",
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "allow_reordering": false,
     "name": "file",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "04e7ae2743dd2b192c36dad20209510f2c4ad95978b4f81c8d38c6e9004efddd",
    "key": null
   },
   "file:out": {
    "type": "file",
    "props": {
     "file_count": "single",
     "type": "filepath",
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "allow_reordering": false,
     "name": "file",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "04e7ae2743dd2b192c36dad20209510f2c4ad95978b4f81c8d38c6e9004efddd",
    "key": null
   },
   "file_multiple:in": {
    "type": "file",
    "props": {
     "file_count": "multiple",
     "type": "filepath",
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "allow_reordering": false,
     "name": "file",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "04e7ae2743dd2b192c36dad20209510f2c4ad95978b4f81c8d38c6e9004efddd",
    "key": null
   },
   "image:in": {
    "type": "image",
    "props": {
     "streamable": false,
     "format": "webp",
     "image_mode": "RGB",
     "sources": [
      "upload",
      "webcam",
      "clipboard"
     ],
     "type": "filepath",
     "show_label": true,
     "show_download_button": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "streaming": false,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "webcam_options": {
      "mirror": true,
      "constraints": null
     },
     "show_share_button": false,
     "show_fullscreen_button": true,
     "watermark": {
      "watermark": null,
      "position": "bottom-right"
     },
     "name": "image",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "8a727f33da6eb1dd03da659207451188e921fd1385d1bbe51ae8236d54962780",
    "key": null
   },
   "image:out": {
    "type": "image",
    "props": {
     "streamable": false,
     "format": "webp",
     "image_mode": "RGB",
     "sources": [
      "upload",
      "webcam",
      "clipboard"
     ],
     "type": "filepath",
     "show_label": true,
     "show_download_button": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "streaming": false,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "webcam_options": {
      "mirror": true,
      "constraints": null
     },
     "show_share_button": false,
     "show_fullscreen_button": true,
     "watermark": {
      "watermark": null,
      "position": "bottom-right"
     },
     "name": "image",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "8a727f33da6eb1dd03da659207451188e921fd1385d1bbe51ae8236d54962780",
    "key": null
   },
   "state:in": {
    "type": "state",
    "props": {
     "time_to_live": null,
     "delete_callback": "<function default_delete_callback at 0x7f0000000000>",
     "name": "state",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "2d2cb324d91258cad78457a20a70a00db692c3e293662e71f53bb17afde99e01",
    "key": null
   },
   "state:out": {
    "type": "state",
    "props": {
     "time_to_live": null,
     "delete_callback": "<function default_delete_callback at 0x7f0000000000>",
     "name": "state",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "2d2cb324d91258cad78457a20a70a00db692c3e293662e71f53bb17afde99e01",
    "key": null
   },
   "button": {
    "type": "button",
    "props": {
     "variant": "secondary",
     "size": "lg",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "5db289f0c0ffdc08fa9145d6ff1cdfcea7256c0819d639355f7c8a1b837bc0ed",
    "key": null
   }
  },
  "dependency": {
   "id": 0,
   "targets": [
    [
     4,
     "click"
    ]
   ],
   "inputs": [
    2
   ],
   "outputs": [
    3
   ],
   "backend_fn": true,
   "js": null,
   "queue": true,
   "api_name": "reverse",
   "api_description": null,
   "scroll_to_output": false,
   "show_progress": "full",
   "show_progress_on": null,
   "batch": false,
   "max_batch_size": 4,
   "cancels": [],
   "types": {
    "generator": false,
    "cancel": false
   },
   "collects_event_data": false,
   "trigger_after": null,
   "trigger_only_on_success": false,
   "trigger_only_on_failure": false,
   "trigger_mode": "once",
   "show_api": true,
   "rendered_in": null,
   "render_id": null,
   "connection": "sse",
   "time_limit": null,
   "stream_every": 0.5,
   "like_user_message": false,
   "event_specific_args": null,
   "js_implementation": null
  },
  "python_types": {
   "textbox:in": "str",
   "textbox:out": "str",
   "number:in": "float",
   "number:out": "int",
   "checkbox:in": "bool",
   "slider:in": "float",
   "dropdown:in": "Literal['a', 'b', 'c']",
   "json:out": "str | float | bool | list | dict",
   "file:in": "filepath",
   "file:out": "filepath",
   "file_multiple:in": "list[filepath]",
   "image:in": (
     "dict(path: str | None (Path to a local file), url: str | None "
     "(Publicly available url or base64 encoded image), size: int | None "
     "(Size of image in bytes), orig_name: str | None (Original filename), "
     "mime_type: str | None (mime type of image), is_stream: bool (Can "
     "always be set to False), meta: dict(str, Any))"
   ),
   "image:out": (
     "dict(path: str | None (Path to a local file), url: str | None "
     "(Publicly available url or base64 encoded image), size: int | None "
     "(Size of image in bytes), orig_name: str | None (Original filename), "
     "mime_type: str | None (mime type of image), is_stream: bool (Can "
     "always be set to False), meta: dict(str, Any))"
   )
  },
  "endpoint_keys": [
   "parameters",
   "returns",
   "show_api",
   "description"
  ],
  "interface_mode": "interface",
  "interface_blocks": {
   "top_row": {
    "type": "row",
    "props": {
     "variant": "default",
     "visible": true,
     "equal_height": false,
     "show_progress": false,
     "preserved_by_key": [],
     "name": "row"
    },
    "skip_api": true,
    "component_class_id": "bf590c36cfcddc61226ea2e329e5b3160d349d0b0192a704d8433b8ea4da7467",
    "key": null
   },
   "input_column": {
    "type": "column",
    "props": {
     "scale": 1,
     "min_width": 320,
     "variant": "default",
     "visible": true,
     "show_progress": false,
     "preserved_by_key": [],
     "name": "column"
    },
    "skip_api": true,
    "component_class_id": "ce05c382933c382afdaa10bd71b6d0c2fe210980dc1a59f4be825281edfde24b",
    "key": null
   },
   "input_inner_column": {
    "type": "column",
    "props": {
     "scale": 1,
     "min_width": 320,
     "variant": "default",
     "visible": true,
     "show_progress": false,
     "preserved_by_key": [],
     "name": "column"
    },
    "skip_api": true,
    "component_class_id": "ce05c382933c382afdaa10bd71b6d0c2fe210980dc1a59f4be825281edfde24b",
    "key": null
   },
   "form": {
    "type": "form",
    "props": {
     "scale": 0,
     "min_width": 0,
     "preserved_by_key": [],
     "name": "form"
    },
    "skip_api": true,
    "component_class_id": "63abca6203fc00834b07405349dde38370df097466389e79de0eadb81f7fc73a",
    "key": null
   },
   "button_row": {
    "type": "row",
    "props": {
     "variant": "default",
     "visible": true,
     "equal_height": false,
     "show_progress": false,
     "preserved_by_key": [],
     "name": "row"
    },
    "skip_api": true,
    "component_class_id": "bf590c36cfcddc61226ea2e329e5b3160d349d0b0192a704d8433b8ea4da7467",
    "key": null
   },
   "clear_button": {
    "type": "button",
    "props": {
     "value": "Clear",
     "variant": "secondary",
     "size": "lg",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "show_api": false,
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "6a73dfd87240c65ac762b392e241c0b63f8f5f0f8032fd2ea8177276af6da8e0",
    "key": null
   },
   "submit_button": {
    "type": "button",
    "props": {
     "value": "Submit",
     "variant": "primary",
     "size": "lg",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "5db289f0c0ffdc08fa9145d6ff1cdfcea7256c0819d639355f7c8a1b837bc0ed",
    "key": null
   },
   "output_column": {
    "type": "column",
    "props": {
     "scale": 1,
     "min_width": 320,
     "variant": "default",
     "visible": true,
     "show_progress": false,
     "preserved_by_key": [],
     "name": "column"
    },
    "skip_api": true,
    "component_class_id": "ce05c382933c382afdaa10bd71b6d0c2fe210980dc1a59f4be825281edfde24b",
    "key": null
   },
   "flag_row": {
    "type": "row",
    "props": {
     "variant": "default",
     "visible": true,
     "equal_height": false,
     "show_progress": false,
     "preserved_by_key": [],
     "name": "row"
    },
    "skip_api": true,
    "component_class_id": "bf590c36cfcddc61226ea2e329e5b3160d349d0b0192a704d8433b8ea4da7467",
    "key": null
   },
   "flag_button": {
    "type": "button",
    "props": {
     "value": "Flag",
     "variant": "secondary",
     "size": "lg",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "5db289f0c0ffdc08fa9145d6ff1cdfcea7256c0819d639355f7c8a1b837bc0ed",
    "key": null
   }
  }
 },
 "6": {
  "config_keys": [
   "version",
   "api_prefix",
   "mode",
   "app_id",
   "dev_mode",
   "vibe_mode",
   "analytics_enabled",
   "components",
   "css",
   "connect_heartbeat",
   "js",
   "head",
   "title",
   "space_id",
   "enable_queue",
   "show_error",
   "footer_links",
   "run_history",
   "is_colab",
   "max_file_size",
   "stylesheets",
   "theme",
   "protocol",
   "body_css",
   "fill_height",
   "fill_width",
   "theme_hash",
   "pwa",
   "pages",
   "page",
   "mcp_server",
   "i18n_translations",
   "dependencies",
   "layout",
   "username",
   "root"
  ],
  "config_values": {
   "version": "6.31.0",
   "api_prefix": "/gradio_api",
   "mode": "blocks",
   "dev_mode": false,
   "vibe_mode": false,
   "analytics_enabled": false,
   "css": null,
   "connect_heartbeat": true,
   "js": null,
   "head": null,
   "space_id": null,
   "enable_queue": true,
   "show_error": false,
   "footer_links": [
    "api",
    "gradio",
    "settings",
    "runs"
   ],
   "run_history": true,
   "is_colab": false,
   "max_file_size": null,
   "stylesheets": [],
   "theme": "default",
   "protocol": "sse_v3",
   "body_css": {
    "body_background_fill": "white",
    "body_text_color": "#27272a",
    "body_background_fill_dark": "#0f0f11",
    "body_text_color_dark": "#f4f4f5"
   },
   "fill_height": false,
   "fill_width": false,
   "theme_hash": "8ad6f9b14414574fe6c6d9b4362dcdd63dfdc66d8c34cbef0982888dfc44ff04",
   "pwa": false,
   "pages": [
    [
     "",
     "Home",
     true
    ]
   ],
   "mcp_server": false,
   "i18n_translations": null
  },
  "components": {
   "textbox:in": {
    "type": "textbox",
    "props": {
     "type": "text",
     "lines": 1,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "autofocus": false,
     "autoscroll": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "rtl": false,
     "buttons": [],
     "submit_btn": false,
     "stop_btn": false,
     "name": "textbox",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "b2d04fb342e1390288e7321bbca9465fbbd777e4e0b85fe83d844213b566c7d1",
    "key": null
   },
   "textbox:out": {
    "type": "textbox",
    "props": {
     "type": "text",
     "lines": 1,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "autofocus": false,
     "autoscroll": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "rtl": false,
     "buttons": [],
     "submit_btn": false,
     "stop_btn": false,
     "name": "textbox",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "b2d04fb342e1390288e7321bbca9465fbbd777e4e0b85fe83d844213b566c7d1",
    "key": null
   },
   "number:in": {
    "type": "number",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "buttons": [],
     "step": 1,
     "name": "number",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "956600f0ca5b4532d799777c63a4f9455cab1b480e03cc8bed88766a10fdc280",
    "key": null
   },
   "number:out": {
    "type": "number",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "buttons": [],
     "precision": 0,
     "step": 1,
     "name": "number",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "956600f0ca5b4532d799777c63a4f9455cab1b480e03cc8bed88766a10fdc280",
    "key": null
   },
   "checkbox:in": {
    "type": "checkbox",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "buttons": [],
     "name": "checkbox",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "1947d576360dbfeb74393a9a5456325f6ce9800ca416581685d82c5bf8f715da",
    "key": null
   },
   "slider:in": {
    "type": "slider",
    "props": {
     "minimum": 1,
     "maximum": 5,
     "step": 1,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "name": "slider",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "89e29952f7b02a088455b378a891700241f39c47d8208292915cfe7e7822a7b0",
    "key": null
   },
   "dropdown:in": {
    "type": "dropdown",
    "props": {
     "choices": [
      [
       "a",
       "a"
      ],
      [
       "b",
       "b"
      ],
      [
       "c",
       "c"
      ]
     ],
     "type": "value",
     "allow_custom_value": false,
     "num_choices_shown": 100,
     "filterable": true,
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "buttons": [],
     "name": "dropdown",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "d639161c9e4003856fd38b6f1770ab8c7df5210ef63f5e6c5cb57dfc350a19ac",
    "key": null
   },
   "json:out": {
    "type": "json",
    "props": {
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "open": false,
     "show_indices": false,
     "max_height": 500,
     "buttons": [
      "copy"
     ],
     "name": "json",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "27e02c9fc46e73777ee0b515075dffacee9f03797610eed95be3ed6a50bf5597",
    "key": null
   },
   "file:in": {
    "type": "file",
    "props": {
     "file_count": "single",
     "type": "filepath",
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "allow_reordering": false,
     "buttons": [],
     "name": "file",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "253deb6cbe5f0ba8baa720a94b15d1e16b9c9db5a79fb92879f1b7ac41045c71",
    "key": null
   },
   "file:out": {
    "type": "file",
    "props": {
     "file_count": "single",
     "type": "filepath",
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "allow_reordering": false,
     "buttons": [],
     "name": "file",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "253deb6cbe5f0ba8baa720a94b15d1e16b9c9db5a79fb92879f1b7ac41045c71",
    "key": null
   },
   "file_multiple:in": {
    "type": "file",
    "props": {
     "file_count": "multiple",
     "type": "filepath",
     "show_label": true,
     "container": true,
     "min_width": 160,
     "visible": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "allow_reordering": false,
     "buttons": [],
     "name": "file",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "253deb6cbe5f0ba8baa720a94b15d1e16b9c9db5a79fb92879f1b7ac41045c71",
    "key": null
   },
   "image:in": {
    "type": "image",
    "props": {
     "streamable": false,
     "format": "webp",
     "image_mode": "RGB",
     "sources": [
      "upload",
      "webcam",
      "clipboard"
     ],
     "type": "filepath",
     "show_label": true,
     "buttons": [
      "download",
      "share",
      "fullscreen"
     ],
     "container": true,
     "min_width": 160,
     "visible": true,
     "streaming": false,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "webcam_options": {
      "mirror": true,
      "constraints": null
     },
     "watermark": {
      "watermark": null,
      "position": "bottom-right"
     },
     "name": "image",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "8198a4d172e2ca58d2bfaaa15fae735572a46d8fa6c0b90a4d338c9e16a9cd79",
    "key": null
   },
   "image:out": {
    "type": "image",
    "props": {
     "streamable": false,
     "format": "webp",
     "image_mode": "RGB",
     "sources": [
      "upload",
      "webcam",
      "clipboard"
     ],
     "type": "filepath",
     "show_label": true,
     "buttons": [
      "download",
      "share",
      "fullscreen"
     ],
     "container": true,
     "min_width": 160,
     "visible": true,
     "streaming": false,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "webcam_options": {
      "mirror": true,
      "constraints": null
     },
     "watermark": {
      "watermark": null,
      "position": "bottom-right"
     },
     "name": "image",
     "_selectable": false
    },
    "skip_api": false,
    "component_class_id": "8198a4d172e2ca58d2bfaaa15fae735572a46d8fa6c0b90a4d338c9e16a9cd79",
    "key": null
   },
   "state:in": {
    "type": "state",
    "props": {
     "time_to_live": null,
     "delete_callback": "<function default_delete_callback at 0x7f0000000000>",
     "name": "state",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "1432b02a3830ad495dfe05a0b73688a099ccdac6a72f1e811a6edcf601be0f64",
    "key": null
   },
   "state:out": {
    "type": "state",
    "props": {
     "time_to_live": null,
     "delete_callback": "<function default_delete_callback at 0x7f0000000000>",
     "name": "state",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "1432b02a3830ad495dfe05a0b73688a099ccdac6a72f1e811a6edcf601be0f64",
    "key": null
   },
   "button": {
    "type": "button",
    "props": {
     "variant": "secondary",
     "size": "lg",
     "link_target": "_self",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "d56d0afbc97ad6f2df6f588c7f66c1e8d62a1d312b88ca46d137e0462a225dac",
    "key": null
   }
  },
  "dependency": {
   "id": 0,
   "targets": [
    [
     4,
     "click"
    ]
   ],
   "inputs": [
    2
   ],
   "outputs": [
    3
   ],
   "backend_fn": true,
   "js": null,
   "queue": true,
   "api_name": "reverse",
   "api_description": null,
   "scroll_to_output": false,
   "show_progress": "full",
   "show_progress_on": null,
   "batch": false,
   "max_batch_size": 4,
   "cancels": [],
   "types": {
    "generator": false,
    "cancel": false
   },
   "collects_event_data": false,
   "trigger_after": null,
   "trigger_only_on_success": false,
   "trigger_only_on_failure": false,
   "trigger_mode": "once",
   "api_visibility": "public",
   "rendered_in": null,
   "render_id": null,
   "connection": "sse",
   "time_limit": null,
   "stream_every": 0.5,
   "event_specific_args": null,
   "component_prop_inputs": [],
   "js_implementation": null
  },
  "python_types": {
   "textbox:in": "str",
   "textbox:out": "str",
   "number:in": "float",
   "number:out": "int",
   "checkbox:in": "bool",
   "slider:in": "float",
   "dropdown:in": "Literal['a', 'b', 'c']",
   "json:out": "str | float | bool | list | dict",
   "file:in": "filepath",
   "file:out": "filepath",
   "file_multiple:in": "list[filepath]",
   "image:in": "filepath",
   "image:out": "filepath"
  },
  "endpoint_keys": [
   "parameters",
   "returns",
   "api_visibility",
   "description",
   "code_snippets"
  ],
  "interface_mode": "interface",
  "interface_blocks": {
   "top_row": {
    "type": "row",
    "props": {
     "variant": "default",
     "visible": true,
     "elem_classes": [],
     "equal_height": false,
     "show_progress": false,
     "preserved_by_key": [],
     "name": "row"
    },
    "skip_api": true,
    "component_class_id": "8c818f1f1ef80cf692876f5cd45a7cf8a33bcb4534795d794d90165e42a1549a",
    "key": null
   },
   "input_column": {
    "type": "column",
    "props": {
     "scale": 1,
     "min_width": 320,
     "variant": "default",
     "visible": true,
     "elem_classes": [],
     "show_progress": false,
     "preserved_by_key": [],
     "name": "column"
    },
    "skip_api": true,
    "component_class_id": "e4fab25d03e8dff013cfee385b9934828f36e747e62234a45123ca5417b88cef",
    "key": null
   },
   "input_inner_column": {
    "type": "column",
    "props": {
     "scale": 1,
     "min_width": 320,
     "variant": "default",
     "visible": true,
     "elem_classes": [],
     "show_progress": false,
     "preserved_by_key": [],
     "name": "column"
    },
    "skip_api": true,
    "component_class_id": "e4fab25d03e8dff013cfee385b9934828f36e747e62234a45123ca5417b88cef",
    "key": null
   },
   "form": {
    "type": "form",
    "props": {
     "scale": 0,
     "min_width": 0,
     "preserved_by_key": [],
     "name": "form"
    },
    "skip_api": true,
    "component_class_id": "fc97e0df4c07e7a6580008cb51e8bfec1a7dde73c80c53fc9737bbd1ab18b898",
    "key": null
   },
   "button_row": {
    "type": "row",
    "props": {
     "variant": "default",
     "visible": true,
     "elem_classes": [],
     "equal_height": false,
     "show_progress": false,
     "preserved_by_key": [],
     "name": "row"
    },
    "skip_api": true,
    "component_class_id": "8c818f1f1ef80cf692876f5cd45a7cf8a33bcb4534795d794d90165e42a1549a",
    "key": null
   },
   "clear_button": {
    "type": "button",
    "props": {
     "value": "Clear",
     "variant": "secondary",
     "size": "lg",
     "link_target": "_self",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "api_visibility": "undocumented",
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "2621f4eb260e7794bdf2f9c1baaee7f729a2e1f493fe8a7d4de8b84c91aae629",
    "key": null
   },
   "submit_button": {
    "type": "button",
    "props": {
     "value": "Submit",
     "variant": "primary",
     "size": "lg",
     "link_target": "_self",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "d56d0afbc97ad6f2df6f588c7f66c1e8d62a1d312b88ca46d137e0462a225dac",
    "key": null
   },
   "output_column": {
    "type": "column",
    "props": {
     "scale": 1,
     "min_width": 320,
     "variant": "default",
     "visible": true,
     "elem_classes": [],
     "show_progress": false,
     "preserved_by_key": [],
     "name": "column"
    },
    "skip_api": true,
    "component_class_id": "e4fab25d03e8dff013cfee385b9934828f36e747e62234a45123ca5417b88cef",
    "key": null
   },
   "flag_row": {
    "type": "row",
    "props": {
     "variant": "default",
     "visible": true,
     "elem_classes": [],
     "equal_height": false,
     "show_progress": false,
     "preserved_by_key": [],
     "name": "row"
    },
    "skip_api": true,
    "component_class_id": "8c818f1f1ef80cf692876f5cd45a7cf8a33bcb4534795d794d90165e42a1549a",
    "key": null
   },
   "flag_button": {
    "type": "button",
    "props": {
     "value": "Flag",
     "variant": "secondary",
     "size": "lg",
     "link_target": "_self",
     "visible": true,
     "interactive": true,
     "elem_classes": [],
     "preserved_by_key": [
      "value"
     ],
     "name": "button",
     "_selectable": false
    },
    "skip_api": true,
    "component_class_id": "d56d0afbc97ad6f2df6f588c7f66c1e8d62a1d312b88ca46d137e0462a225dac",
    "key": null
   }
  }
 }
}

SHAPES: dict[int, dict[str, Any]] = {int(k): v for k, v in SHAPES_BY_NAME.items()}
